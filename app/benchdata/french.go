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
	"Service formation des assistants maternels",
}

// generalTopics are the subjects of general messages (to every childminder);
// a year or a month is added to vary them.
var generalTopics = []string{
	"Relais petite enfance : programme des ateliers", "Formation continue : inscriptions ouvertes",
	"Rappel : déclaration des enfants accueillis sous 8 jours", "Canicule : recommandations pour l'accueil des jeunes enfants",
	"Vaccinations obligatoires : ce qui change", "Journée nationale des assistants maternels",
	"Sécurité à domicile : prévenir les accidents", "Épidémie de bronchiolite : gestes barrières",
	"Mise à jour des coordonnées : pensez à votre adresse email", "Pajemploi : calendrier des déclarations",
	"Éveil musical : nouveaux ateliers au relais", "Alerte météo : consignes en cas de vigilance orange ou rouge",
	"Allergies alimentaires : protocole d'accueil individualisé", "Congés d'été : informez le service de vos absences",
	"Secourisme : sessions PSC1 près de chez vous", "Qualité de l'air intérieur : aérez chaque jour",
	"Renouvellement d'agrément : anticipez votre demande", "Maisons d'assistants maternels : réunion d'information",
	"Livret d'accueil des familles : nouvelle édition", "Sommeil du jeune enfant : les bonnes pratiques",
}

// personalTopics are the subjects of personal messages (to one childminder).
var personalTopics = []string{
	"Votre demande de renouvellement d'agrément", "Pièce manquante : attestation d'assurance responsabilité civile",
	"Visite à domicile de la puéricultrice de secteur", "Déclaration d'un enfant accueilli : précisions demandées",
	"Votre demande de dérogation", "Modification de votre capacité d'accueil", "Rappel : formation obligatoire",
	"Attestation de formation PSC1 reçue", "Changement d'adresse enregistré", "Réponse à votre courrier",
	"Convocation : commission consultative paritaire départementale", "Extension d'agrément : avis de la PMI",
}

// sentences make the bodies: a search for a word ("vaccination", "canicule",
// "formation") finds a realistic share of the messages.
var sentences = []string{
	"Nous vous remercions de votre engagement auprès des familles du département.",
	"Les sessions de formation continue sont ouvertes aux assistants maternels agréés.",
	"En période de canicule, proposez de l'eau régulièrement et évitez les sorties entre 12 h et 16 h.",
	"Le calendrier des vaccinations obligatoires s'applique à tout enfant accueilli.",
	"Pensez à déclarer chaque nouvel enfant accueilli dans les huit jours suivant le début de l'accueil.",
	"Votre relais petite enfance vous accueille sur rendez-vous du lundi au vendredi.",
	"Vous trouverez le formulaire dans la rubrique « Documents utiles » de l'extranet.",
	"La puéricultrice de secteur prendra contact avec vous pour convenir d'un rendez-vous.",
	"Les ateliers d'éveil reprennent après les vacances scolaires.",
	"N'hésitez pas à nous contacter pour toute question relative à votre agrément.",
	"Les bulletins de vigilance météorologique sont consultables chaque jour.",
	"L'attestation d'assurance doit être renouvelée chaque année.",
	"Merci de vérifier vos coordonnées dans la rubrique « Mon compte ».",
	"Le protocole d'accueil individualisé est établi avec les parents et le médecin.",
}
