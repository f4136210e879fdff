import { CliFailure } from './command'

const ENTER = new Set(['\r', '\n'])
const BACKSPACE = new Set(['\u007f', '\b'])
const CTRL_C = '\u0003'

/** Reads one line from the terminal without echoing it (the terminal is put in raw mode meanwhile). */
export function promptPassword(question: string): Promise<string> {
  const input = process.stdin
  const output = process.stdout
  return new Promise((resolve, reject) => {
    let answer: string[] = []
    const finish = (error?: Error) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(answer.join(''))
    }
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (ENTER.has(character)) return finish()
        if (character === CTRL_C) return finish(new CliFailure('Cancelled.', 130))
        if (BACKSPACE.has(character)) answer = answer.slice(0, -1)
        else if (character >= ' ') answer.push(character)
      }
    }
    output.write(question)
    input.setEncoding('utf8')
    input.setRawMode(true)
    input.resume()
    input.on('data', onData)
  })
}
