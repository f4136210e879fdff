// Name lists for synthetic clients, each ordered roughly from most to least common (sampled Zipf-like).
// They mix the communities a US Continuum of Care serves; accented spellings are the canonical form here
// and the generator sometimes drops the accents, as intake staff often do. All people are fictitious.

export type NameOrigin = 'general' | 'black' | 'hispanic' | 'vietnamese' | 'other'

/** A comma-separated list written as text, so long lists stay compact and readable. */
function names(list: string): readonly string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
}

export interface FirstNames {
  female: readonly string[]
  male: readonly string[]
}

export const FIRST_NAMES: Record<NameOrigin, FirstNames> = {
  general: {
    female: names(`
Jennifer, Jessica, Ashley, Amanda, Sarah, Elizabeth, Melissa, Michelle, Stephanie, Heather, Nicole,
Amber, Mary, Patricia, Linda, Barbara, Susan, Karen, Lisa, Nancy, Donna, Brenda, Tammy, Crystal,
Rebecca, Rachel, Samantha, Katherine, Christina, Kimberly, Angela, Emily, Megan, Brittany,
Danielle, Laura, Tiffany, Erica, Julie, Kelly, Christine, Deborah, Sandra, Debra, Pamela, Cynthia,
Teresa, Kathleen, Margaret, Victoria, Courtney, Kayla, Hannah, Madison, Abigail, Olivia, Emma,
Chloe, Ava, Harper, Brooke, Caitlin, Shannon, Misty, Tonya
`),
    male: names(`
Michael, James, John, Robert, David, William, Christopher, Joseph, Daniel, Richard, Thomas,
Charles, Matthew, Joshua, Anthony, Mark, Steven, Kevin, Brian, Jason, Timothy, Jeffrey, Ryan, Gary,
Eric, Scott, Jonathan, Justin, Brandon, Andrew, Kenneth, Paul, Donald, Larry, Dennis, Randy, Billy,
Bobby, Travis, Shawn, Dustin, Cody, Kyle, Tyler, Nathan, Aaron, Adam, Zachary, Patrick, Gregory,
Frank, Raymond, Jeremy, Benjamin, Samuel, Jacob, Ethan, Noah, Liam, Mason, Logan, Austin, Wayne,
Roger, Terry, Edward
`),
  },
  black: {
    female: names(`
Keisha, LaToya, Tasha, Ebony, Tamika, Shanice, Aaliyah, Imani, Jasmine, Destiny, Tanisha, Latasha,
Shaniqua, Monique, Kiara, Ciara, Precious, Dominique, Yolanda, Gloria, Denise, Latoya, Tiana, Nia,
Zaria, Jada, Kendra, Aisha, Shameka, Raven, Alexis, Diamond, Essence, Tierra, Brianna
`),
    male: names(`
DeShawn, Tyrone, Jamal, Darnell, Terrence, Marcus, Andre, Malik, Jermaine, Darius, Cedric,
Reginald, Lamar, Tyrell, Demetrius, Rashad, Dwayne, Maurice, Cornelius, Jalen, DeAndre, Kareem,
Terrell, Xavier, Isaiah, Elijah, Javon, Trevon, Quincy, Roderick, Antoine, Keon, Jaylen, Darryl,
Otis
`),
  },
  hispanic: {
    female: names(`
María, Guadalupe, Rosa, Ana, Carmen, Sofía, Lucía, Isabel, Verónica, Claudia, Leticia, Adriana,
Gabriela, Mónica, Patricia, Alejandra, Yesenia, Marisol, Daniela, Valeria, Ximena, Beatriz, Elena,
Juana, Raquel, Silvia, Margarita, Inés, Dolores, Esperanza, Araceli, Yolanda, Maribel, Lourdes,
Natalia, Paola, Noemí, Itzel
`),
    male: names(`
José, Juan, Luis, Carlos, Jesús, Miguel, Francisco, Jorge, Alejandro, Antonio, Manuel, Pedro,
Ricardo, Fernando, Javier, Roberto, Eduardo, Rafael, Sergio, Raúl, Héctor, Andrés, Óscar, Rubén,
Joaquín, Ramón, Julio, Mario, Arturo, Enrique, Gerardo, Martín, Ángel, Iván, Hernán, Efraín, Tomás,
Cristóbal
`),
  },
  vietnamese: {
    female: names(`
Linh, Huong, Thảo, Lan, Mai, Ngọc, Trang, Hương, Phương, Thủy, Hạnh, Nhung, Vy, Anh, Hoa, Yến
`),
    male: names(`
Minh, Tuấn, Hùng, Dũng, Thanh, Quang, Đức, Hải, Long, Nam, Phúc, Khoa, Bảo, Huy, Trung, Vinh
`),
  },
  other: {
    female: names(`
Fatima, Amina, Hodan, Layla, Priya, Mariam, Aylin, Chenoa, Leilani, Yasmin, Nour, Zainab, Wren,
Ayasha, Olena, Bich
`),
    male: names(`
Mohamed, Ahmed, Abdi, Omar, Hassan, Ali, Raj, Kofi, Kwame, Tariq, Dakota, Koa, Chayton, Ibrahim,
Yusuf, Dmytro
`),
  },
}

export const LAST_NAMES: Record<NameOrigin, readonly string[]> = {
  general: names(`
Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore,
Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King,
Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter, Mitchell, Roberts, Turner, Phillips,
Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Rogers, Reed, Cook, Morgan, Bell,
Murphy, Bailey, Cooper, Richardson, Cox, Howard, Ward, Peterson, Gray, James, Watson, Brooks,
Kelly, Sanders, Price, Bennett, Wood, Barnes, Ross, Henderson, Coleman, Jenkins, Perry, Powell,
Long, Patterson, Hughes, Flores, Washington, Butler, Simmons, Foster, Bryant, Alexander, Russell,
Griffin, Hayes, Myers, Ford, Hamilton, Graham, Sullivan, Wallace, Woods, Cole, West, Jordan, Owens,
Reynolds, Fisher, Ellis, Harrison, Gibson, McDonald, Cruz, Marshall, Gomez, Murray, Freeman, Wells,
Webb, Simpson, Stevens, Tucker, Porter, Hunter, Hicks, Crawford, Henry, Boyd, Mason, Kennedy,
Warren, Dixon, Burns, Gordon, Shaw, Holmes, Rice, Robertson, Hunt, Black, Daniels, Palmer, Mills,
Nichols, Grant, Knight, Ferguson, Stone, Hawkins, Dunn, Perkins, Hudson, Spencer, Gardner,
Stephens, Payne, Pierce, Berry, Matthews, Arnold, Wagner, Willis, Ray, Watkins, Olson, Carroll,
Duncan, Snyder, Hart, Cunningham, Bradley, Lane, Andrews, Harper, Fox, Riley, Armstrong, O'Brien,
O'Neal, McKenzie, Schwartz, Kowalski, Novak, Lindqvist
`),
  black: names(`
Washington, Jefferson, Banks, Jackson, Mosley, Booker, Gaines, Dorsey, Pettaway, Whitaker,
Toussaint, Jean-Baptiste, Okafor, Mensah, Diallo, Battle, Blackwell, Tolliver, Bivens, Rucker,
Broadnax, Smalls, Merriweather, Fountain, Haynes, Moton, Pough
`),
  hispanic: names(`
García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores,
Rivera, Gómez, Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Chávez, Ramos, Ruiz, Álvarez, Mendoza,
Vásquez, Castillo, Jiménez, Moreno, Romero, Herrera, Medina, Aguilar, Vargas, Castro, Guzmán,
Fernández, Muñoz, Méndez, Salazar, Soto, Delgado, Peña, Ríos, Núñez, Ibáñez, Acosta, Contreras,
Domínguez, Cervantes, Fuentes, Espinoza, Valdez, Sandoval, Orozco, Zúñiga, Beltrán, Quiñones,
Santiago, Navarro, Cabrera, Rosario, Ocasio, Figueroa, Meléndez, Padilla, Ybarra, de la Cruz,
de León, del Valle, Montañez
`),
  vietnamese: names(`
Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Trương,
Đinh
`),
  other: names(`
Mohamed, Ahmed, Hassan, Ali, Abdullahi, Warsame, Patel, Singh, Shah, Kim, Lee, Park, Chen, Wang,
Yazzie, Begay, Tsosie, Kahananui, Akana, Haddad, Khoury, Kovalenko, Shevchenko, Mensah, Boateng
`),
}

/** Syllables for rarer surnames: real CoCs have a long tail of names that no short list covers. */
export const SURNAME_SYLLABLES = {
  first: names(`
Ab, Bar, Bel, Bran, Cal, Cor, Dal, Dun, El, Fair, Gal, Gold, Har, Hol, Kel, Kin, Lang, Lind, Mar,
Mel, Mor, New, Os, Pen, Quin, Rad, Ros, Sal, Stan, Tal, Thorn, Van, Wes, Wil, Yar, Zel
`),
  middle: ['', '', '', 'a', 'e', 'i', 'o', 'er', 'en', 'in', 'ing', 'ow', 'ver', 'ri'],
  last: names(`
ton, son, ley, man, field, well, by, ford, berg, stein, ski, ez, ino, ard, ett, wick, worth, more,
den, ham, lin, ner, ville, stead
`),
}

/** Middle names are drawn across origins; many clients give only an initial. */
export const MIDDLE_NAMES: FirstNames = {
  female: names(`
Marie, Ann, Lynn, Renee, Nicole, Michelle, Elizabeth, Jean, Louise, Rose, Grace, Guadalupe, Thị, Denise,
Yvonne, Carmen
`),
  male: names(`
Lee, Ray, Allen, James, Wayne, Edward, Lamont, Dewayne, Antonio, Luis, Văn, Dale, Eugene, Joseph, Alan,
Jesús, Darnell
`),
}

/** Given name → nicknames and short forms intake staff commonly type instead (one hop). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ['Bill', 'Billy', 'Will', 'Willie'],
  Robert: ['Bob', 'Bobby', 'Rob', 'Robbie'],
  Richard: ['Rick', 'Dick', 'Richie'],
  Michael: ['Mike', 'Mikey'],
  James: ['Jim', 'Jimmy', 'Jamie'],
  John: ['Johnny', 'Jack'],
  Joseph: ['Joe', 'Joey'],
  Christopher: ['Chris'],
  Anthony: ['Tony'],
  Daniel: ['Dan', 'Danny'],
  Thomas: ['Tom', 'Tommy'],
  Charles: ['Charlie', 'Chuck'],
  Matthew: ['Matt'],
  Joshua: ['Josh'],
  Steven: ['Steve'],
  Timothy: ['Tim'],
  Jeffrey: ['Jeff'],
  Jonathan: ['Jon'],
  Andrew: ['Andy', 'Drew'],
  Kenneth: ['Ken', 'Kenny'],
  Donald: ['Don', 'Donnie'],
  Gregory: ['Greg'],
  Benjamin: ['Ben'],
  Samuel: ['Sam'],
  Edward: ['Eddie', 'Ed'],
  Zachary: ['Zach'],
  Nathan: ['Nate'],
  Patrick: ['Pat'],
  Jennifer: ['Jen', 'Jenny'],
  Jessica: ['Jess', 'Jessie'],
  Elizabeth: ['Liz', 'Beth', 'Betty', 'Lizzie'],
  Katherine: ['Kate', 'Katie', 'Kathy'],
  Kathleen: ['Kathy'],
  Margaret: ['Maggie', 'Peggy', 'Meg'],
  Patricia: ['Pat', 'Patty', 'Trish'],
  Rebecca: ['Becky'],
  Samantha: ['Sam'],
  Christina: ['Tina', 'Chris'],
  Christine: ['Chris', 'Chrissy'],
  Deborah: ['Debbie', 'Deb'],
  Pamela: ['Pam'],
  Cynthia: ['Cindy'],
  Victoria: ['Vicky', 'Tori'],
  Kimberly: ['Kim'],
  Stephanie: ['Steph'],
  Abigail: ['Abby'],
  Susan: ['Sue', 'Susie'],
  Barbara: ['Barb'],
  Demetrius: ['Meech'],
  Reginald: ['Reggie'],
  Cornelius: ['Neil'],
  Terrence: ['Terry'],
  Roderick: ['Rod'],
  Latasha: ['Tasha'],
  Shaniqua: ['Niqua'],
  José: ['Pepe', 'Joe'],
  Francisco: ['Paco', 'Pancho', 'Frank'],
  Guadalupe: ['Lupe'],
  Jesús: ['Chuy'],
  Alejandro: ['Alex'],
  Alejandra: ['Alex'],
  Roberto: ['Beto', 'Rob'],
  Eduardo: ['Lalo'],
  Manuel: ['Manny'],
  Enrique: ['Kike'],
  Fernando: ['Nando'],
  Ricardo: ['Ricky'],
  Antonio: ['Tony', 'Toño'],
  Dolores: ['Lola'],
  Margarita: ['Rita'],
  Rosa: ['Rosie'],
  Mohamed: ['Mo'],
  Ibrahim: ['Abe'],
}

/** Street or code names given instead of a legal name (HUD name data quality 2). */
export const STREET_NAMES: readonly string[] = names(`
Red, Slim, Tex, Shorty, Smokey, Preacher, Sunshine, Bear, Sarge, Peaches, Doc, Lucky
`)
