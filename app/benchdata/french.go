package benchdata

// French names, streets and communes: enough variety that searches, sorts and
// the trigram indexes see realistic text (accents, hyphens, apostrophes),
// small enough to read. Communes are real, with their postcode.

// commune is a town and its postcode.
type commune struct{ Postcode, Name string }

// departement is a département's number and some of its communes; the first
// ones are the largest, and picked more often (see pickCommune).
type departement struct {
	Number   string
	Communes []commune
}

// departements: S (one département) uses the first, L (national) all of them.
var departements = []departement{
	{"06", []commune{{"06000", "Nice"}, {"06100", "Nice"}, {"06200", "Nice"}, {"06300", "Nice"}, {"06400", "Cannes"},
		{"06600", "Antibes"}, {"06160", "Antibes"}, {"06130", "Grasse"}, {"06500", "Menton"}, {"06800", "Cagnes-sur-Mer"},
		{"06700", "Saint-Laurent-du-Var"}, {"06110", "Le Cannet"}, {"06220", "Vallauris"}, {"06150", "Cannes"},
		{"06250", "Mougins"}, {"06480", "La Colle-sur-Loup"}, {"06140", "Vence"}, {"06270", "Villeneuve-Loubet"},
		{"06340", "La Trinité"}, {"06510", "Carros"}, {"06210", "Mandelieu-la-Napoule"}, {"06240", "Beausoleil"},
		{"06310", "Beaulieu-sur-Mer"}, {"06450", "Saint-Martin-Vésubie"}, {"06670", "Saint-Martin-du-Var"},
		{"06560", "Valbonne"}, {"06410", "Biot"}, {"06530", "Peymeinade"}, {"06730", "Saint-André-de-la-Roche"},
		{"06690", "Tourrette-Levens"}, {"06440", "L'Escarène"}, {"06420", "Isola"}}},
	{"13", []commune{{"13001", "Marseille"}, {"13008", "Marseille"}, {"13013", "Marseille"}, {"13100", "Aix-en-Provence"},
		{"13200", "Arles"}, {"13300", "Salon-de-Provence"}, {"13500", "Martigues"}, {"13400", "Aubagne"},
		{"13127", "Vitrolles"}, {"13600", "La Ciotat"}, {"13800", "Istres"}, {"13140", "Miramas"}}},
	{"33", []commune{{"33000", "Bordeaux"}, {"33700", "Mérignac"}, {"33600", "Pessac"}, {"33400", "Talence"},
		{"33110", "Le Bouscat"}, {"33500", "Libourne"}, {"33120", "Arcachon"}, {"33150", "Cenon"}}},
	{"35", []commune{{"35000", "Rennes"}, {"35400", "Saint-Malo"}, {"35300", "Fougères"}, {"35500", "Vitré"},
		{"35170", "Bruz"}, {"35510", "Cesson-Sévigné"}}},
	{"44", []commune{{"44000", "Nantes"}, {"44600", "Saint-Nazaire"}, {"44400", "Rezé"}, {"44800", "Saint-Herblain"},
		{"44500", "La Baule-Escoublac"}, {"44300", "Nantes"}}},
	{"59", []commune{{"59000", "Lille"}, {"59100", "Roubaix"}, {"59200", "Tourcoing"}, {"59140", "Dunkerque"},
		{"59300", "Valenciennes"}, {"59650", "Villeneuve-d'Ascq"}, {"59400", "Cambrai"}, {"59500", "Douai"}}},
	{"67", []commune{{"67000", "Strasbourg"}, {"67100", "Strasbourg"}, {"67500", "Haguenau"}, {"67200", "Strasbourg"},
		{"67300", "Schiltigheim"}, {"67400", "Illkirch-Graffenstaden"}, {"67600", "Sélestat"}}},
	{"69", []commune{{"69001", "Lyon"}, {"69003", "Lyon"}, {"69007", "Lyon"}, {"69100", "Villeurbanne"},
		{"69200", "Vénissieux"}, {"69500", "Bron"}, {"69400", "Villefranche-sur-Saône"}, {"69120", "Vaulx-en-Velin"},
		{"69800", "Saint-Priest"}, {"69600", "Oullins"}}},
	{"75", []commune{{"75011", "Paris"}, {"75015", "Paris"}, {"75018", "Paris"}, {"75020", "Paris"}, {"75013", "Paris"},
		{"75012", "Paris"}, {"75019", "Paris"}, {"75017", "Paris"}}},
	{"31", []commune{{"31000", "Toulouse"}, {"31100", "Toulouse"}, {"31700", "Blagnac"}, {"31770", "Colomiers"},
		{"31120", "Portet-sur-Garonne"}, {"31800", "Saint-Gaudens"}, {"31400", "Toulouse"}}},
	{"974", []commune{{"97400", "Saint-Denis"}, {"97410", "Saint-Pierre"}, {"97460", "Saint-Paul"},
		{"97430", "Le Tampon"}, {"97420", "Le Port"}}},
	{"2A", []commune{{"20000", "Ajaccio"}, {"20090", "Ajaccio"}, {"20137", "Porto-Vecchio"}, {"20110", "Propriano"}}},
}

var lastNames = []string{
	"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
	"SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
	"BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER", "LEFEBVRE", "FAURE", "ANDRÉ",
	"MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA",
	"PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON",
	"MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOËL", "MEYER", "DUFOUR", "MEUNIER",
	"BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIÈRE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD",
	"MARTINEZ", "GÉRARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON",
	"PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "PHILIPPE",
	"BOURGEOIS", "PIERRE", "BENOÎT", "REY", "LECLERC", "PAYET", "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE",
	"LE GOFF", "LE GALL", "D'ANGELO", "N'DIAYE", "DIALLO", "BENSAÏD", "NGUYEN", "DA SILVA", "DOS SANTOS", "SANTINI",
	"GIUSTI", "BIANCHI", "PELLEGRINO", "AGOSTINI", "ORSINI", "HOARAU", "GRONDIN", "FONTANA", "GIORDANO", "MAUREL",
}

var womenFirstNames = []string{
	"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Véronique", "Christine", "Valérie", "Céline",
	"Stéphanie", "Sophie", "Laurence", "Aurélie", "Virginie", "Émilie", "Julie", "Karine", "Patricia", "Martine",
	"Nadia", "Fatima", "Samia", "Hélène", "Chantal", "Corinne", "Delphine", "Audrey", "Élodie", "Laëtitia",
	"Josiane", "Gertrude", "Brigitte", "Sabrina", "Mélanie", "Anne-Marie", "Marie-Claude", "Françoise", "Agnès", "Béatrice",
	"Noëlle", "Maëlle", "Aïcha", "Zoé", "Inès", "Léa", "Chloé", "Manon", "Camille", "Océane",
}

var menFirstNames = []string{
	"Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre", "Laurent", "Éric",
	"Frédéric", "Stéphane", "David", "Olivier", "Julien", "Sébastien", "Thierry", "Karim", "Mehdi", "Jérôme",
	"François", "Benoît", "Loïc", "Hervé", "Jean-Pierre", "Marc-Antoine", "Anthony", "Kévin", "Yannick", "Rachid",
}

var childFirstNames = []string{
	"Gabriel", "Léo", "Raphaël", "Louis", "Arthur", "Jules", "Adam", "Maël", "Lucas", "Hugo",
	"Noah", "Liam", "Sacha", "Gabin", "Nathan", "Aaron", "Éthan", "Mohamed", "Timéo", "Noé",
	"Jade", "Louise", "Emma", "Ambre", "Alice", "Rose", "Anna", "Mia", "Lina", "Léna",
	"Chloé", "Inès", "Léonie", "Iris", "Agathe", "Romy", "Zélie", "Héloïse", "Maëlys", "Anaïs",
	"Éléonore", "Côme", "Ysée", "Joséphine", "Timothée", "Clémence", "Loïs", "Nahël", "Aylan", "Céleste",
}

var streetKinds = []string{"rue", "avenue", "boulevard", "chemin", "impasse", "allée", "place", "route", "quai", "montée"}

var streetNames = []string{
	"de la République", "Victor Hugo", "Jean Jaurès", "de la Paix", "des Lilas", "du Général de Gaulle", "Pasteur",
	"des Écoles", "de l'Église", "du Moulin", "des Oliviers", "de la Gare", "Gambetta", "Émile Zola", "des Roses",
	"du Château", "de Provence", "des Acacias", "Saint-Jean", "du Port", "des Mimosas", "de la Fontaine",
	"Jules Ferry", "de Verdun", "des Tilleuls", "du Stade", "de France", "Louis Pasteur", "de la Libération", "des Pins",
}

var maritalStatuses = []string{"Mariée", "Mariée", "Mariée", "Pacsée", "Concubinage", "Célibataire", "Divorcée", "Veuve"}

var menMaritalStatuses = []string{"Marié", "Marié", "Pacsé", "Concubinage", "Célibataire", "Divorcé", "Veuf"}

var mamNames = []string{
	"Les Petits Loups", "Les P'tits Bouts", "Pomme d'Api", "Les Lucioles", "L'Île aux Enfants", "Les Câlins",
	"Les Petites Frimousses", "Au Jardin d'Éveil", "Les Doudous", "La Maison des Lutins", "Les Bambins", "Trois Pommes",
}

var derogationTexts = []string{
	"Accueil d'un enfant de moins de 18 mois supplémentaire (2 au lieu d'1)",
	"Accueil d'un cinquième enfant en périscolaire, le mercredi",
	"Accueil d'un enfant en situation de handicap : capacité portée à 4",
	"Dépassement temporaire de capacité pendant les vacances scolaires",
}

var services = []string{
	"Service des modes d'accueil de la petite enfance",
	"Protection maternelle et infantile (PMI)",
	"Direction de l'enfance et de la famille",
	"Relais petite enfance",
	"Pôle agréments",
}

// topic is a message's subject and the paragraph that develops it: a word
// of a topic ("canicule", "vaccination") is found in the messages of that
// topic and few others, as in a real mailbox, so that a search matches a
// few per cent of the messages, not a third of them.
type topic struct{ Subject, Text string }

// generalTopics are the general messages' (to every childminder); a month
// and year are added to half of the subjects.
var generalTopics = []topic{
	{"Relais petite enfance : programme des ateliers", "Le relais petite enfance de votre secteur publie son programme d'ateliers d'éveil : motricité, lecture et jeux d'eau."},
	{"Formation continue : inscriptions ouvertes", "Les inscriptions aux sessions de formation continue sont ouvertes ; le plan de formation est financé par votre employeur."},
	{"Rappel : déclaration des enfants accueillis sous 8 jours", "Tout nouvel accueil se déclare dans les huit jours suivant son début, rubrique « Enfants accueillis »."},
	{"Canicule : recommandations pour l'accueil des jeunes enfants", "En période de canicule, proposez de l'eau régulièrement, gardez les pièces fraîches et évitez les sorties entre 12 h et 16 h."},
	{"Vaccinations obligatoires : ce qui change", "Le calendrier des vaccinations obligatoires s'applique à tout enfant accueilli : vérifiez le carnet de santé à l'arrivée."},
	{"Journée nationale des assistants maternels", "Le 19 novembre, la journée nationale des assistants maternels sera l'occasion de rencontres dans chaque territoire."},
	{"Sécurité à domicile : prévenir les accidents", "Cache-prises, barrières d'escalier, produits ménagers hors de portée : une check-list de sécurité est disponible."},
	{"Épidémie de bronchiolite : gestes barrières", "L'épidémie de bronchiolite progresse : lavage des mains, aération et nettoyage des jouets limitent la transmission."},
	{"Mise à jour des coordonnées : pensez à votre adresse email", "Une adresse email à jour vous permet de recevoir nos avis et de réinitialiser votre mot de passe."},
	{"Pajemploi : calendrier des déclarations", "Les parents employeurs déclarent votre salaire sur Pajemploi avant le 5 du mois suivant."},
	{"Éveil musical : nouveaux ateliers au relais", "Des ateliers d'éveil musical avec une intervenante diplômée ont lieu un mardi sur deux."},
	{"Alerte météo : consignes en cas de vigilance orange ou rouge", "En cas de vigilance météo orange ou rouge, suivez les consignes de la préfecture et prévenez les familles."},
	{"Allergies alimentaires : protocole d'accueil individualisé", "Un enfant allergique est accueilli avec un protocole d'accueil individualisé signé par les parents et le médecin."},
	{"Congés d'été : informez le service de vos absences", "Merci de signaler vos périodes de fermeture estivale afin que nous puissions orienter les familles."},
	{"Secourisme : sessions PSC1 près de chez vous", "Des sessions de prévention et secours civiques de niveau 1 (PSC1) sont proposées gratuitement."},
	{"Qualité de l'air intérieur : aérez chaque jour", "Aérer dix minutes matin et soir réduit la concentration de polluants dans les pièces d'accueil."},
	{"Renouvellement d'agrément : anticipez votre demande", "Le dossier de renouvellement d'agrément est à déposer au moins quatre mois avant la date d'échéance."},
	{"Maisons d'assistants maternels : réunion d'information", "Une réunion présente le projet de MAM : local, convention, délégation d'accueil et démarches."},
	{"Livret d'accueil des familles : nouvelle édition", "La nouvelle édition du livret d'accueil des familles est téléchargeable dans « Documents utiles »."},
	{"Sommeil du jeune enfant : les bonnes pratiques", "Couchez le bébé sur le dos, dans une turbulette, sans oreiller ni tour de lit."},
	{"Écrans et tout-petits : nos conseils", "Avant trois ans, aucun écran : privilégiez le jeu libre, les comptines et les livres."},
	{"Enquête annuelle sur l'activité des assistants maternels", "Répondez à l'enquête en ligne avant la fin du mois : elle éclaire la politique d'accueil du jeune enfant."},
}

// personalTopics are the personal messages' (to one childminder).
var personalTopics = []topic{
	{"Votre demande de renouvellement d'agrément", "Votre demande de renouvellement a bien été enregistrée ; une visite d'évaluation sera programmée."},
	{"Pièce manquante : attestation d'assurance responsabilité civile", "Nous n'avons pas reçu votre attestation d'assurance responsabilité civile professionnelle de l'année."},
	{"Visite à domicile de la puéricultrice de secteur", "La puéricultrice de secteur souhaite convenir avec vous d'une visite à votre domicile."},
	{"Déclaration d'un enfant accueilli : précisions demandées", "La déclaration que vous avez faite est incomplète : merci de préciser les dates de la période d'accueil."},
	{"Votre demande de dérogation", "Votre demande de dérogation exceptionnelle a été examinée ; la décision vous est adressée par courrier."},
	{"Modification de votre capacité d'accueil", "La modification de votre capacité d'accueil prendra effet à la date indiquée sur l'arrêté."},
	{"Rappel : formation obligatoire", "La formation obligatoire de 80 heures doit être suivie avant l'accueil du premier enfant."},
	{"Attestation PSC1 reçue", "Nous avons bien reçu votre attestation de secourisme PSC1 ; elle est jointe à votre dossier."},
	{"Changement d'adresse enregistré", "Votre changement d'adresse est enregistré ; il figurera sur votre agrément lors de sa prochaine mise à jour."},
	{"Réponse à votre courrier", "En réponse à votre courrier, nous vous confirmons que votre dossier est complet."},
	{"Convocation : commission consultative paritaire départementale", "Votre situation sera examinée par la commission consultative paritaire départementale ; vous pouvez y être entendue."},
	{"Extension d'agrément : avis de la PMI", "L'équipe de PMI a rendu un avis favorable à votre demande d'extension d'agrément."},
}

// sentences are the common phrases that complete a body.
var sentences = []string{
	"Nous vous remercions de votre engagement auprès des familles.",
	"Votre interlocutrice reste joignable du lundi au vendredi, de 9 h à 12 h.",
	"Vous trouverez les documents correspondants dans la rubrique « Documents utiles ».",
	"N'hésitez pas à nous contacter pour toute question.",
	"Merci de vérifier vos coordonnées dans la rubrique « Mon compte ».",
	"Ce message concerne l'ensemble des assistants maternels du département.",
	"Pensez à en parler avec les parents des enfants que vous accueillez.",
	"Un accusé de réception vous sera adressé.",
	"Nous restons à votre disposition.",
	"Ce message ne nécessite pas de réponse de votre part.",
	"Les modalités détaillées seront précisées dans un prochain message.",
	"Votre relais petite enfance peut vous accompagner dans vos démarches.",
}
