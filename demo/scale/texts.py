"""Word lists for `manage.py scale_data` (demo/scale/): fictional, everyday Norwegian (bokmål).

Every name, place and service here is made up. Sentences are combined at random, so
thousands of plans read differently without anyone's real words in them.
"""

FIRST_NAMES = """
Kari Ola Ingrid Lars Anne Jon Marit Per Liv Nils Hanne Knut Siri Erik Tone Geir Mona Trond Heidi Svein
Amina Ali Fatima Omar Yasmin Ahmed Leila Hassan Sara Mohammed Zainab Yusuf Hodan Abdi Nasra Farah
Nguyen Linh Minh Thao Anh Piotr Agnieszka Tomasz Kasia Marek Oksana Andrii Olena Dmytro Elif Emre
Ida Emma Nora Maja Sofie Jonas Emil Filip Noah Mathias Sander Aksel Tobias Julie Thea Ingeborg Sigrid
Kristian Bjørn Ragnhild Solveig Torstein Eirik Gunnhild Halvor Aslak Máret Ánde Inga Ellen Johan Berit
Reidun Arne Synnøve Øystein Åse Pål Randi Terje Wenche Roar Bente Frode Vibeke Rune Lise Kjetil Grete
""".split()
LAST_NAMES = """
Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen
Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen
Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen
Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien
Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre Hanssen Ahmed Haugland Thomassen
Sandvik Hussain Mohamed Abdi Kowalski Nowak Yilmaz Tran Sara Aune Vik Brekke Rønning Aasen Tveit Ruud
Fjeld Eriksson Hætta Somby Gaup Bals Utsi Oskal Kvalsvik Skogheim Lia Brattli Dahle Vold Myrvang
""".split()

PLACES = """
Fjellstad Nordvik Sørli Østmark Elvheim Bakkeby Strandvik Lia Haugnes Granly Myrvoll Åsen Dalbu
Tjernli Skogli Berglund Innvik Havnes Fossheim Løvstad Solvang
""".split()
ORGANISATION_KINDS = [
    # "(fiktiv)": place names like these exist somewhere; the services here do not.
    "{place} kommune – psykisk helse og rus (fiktiv)",
    "Bydel {place} – oppfølgingstjenesten (fiktiv)",
    "Klubbhuset {place} (fiktiv)",
    "Recoverysenteret {place} (fiktiv)",
    "{place} lavterskeltilbud (fiktiv)",
    "Aktivitetshuset {place} (fiktiv)",
    "Distriktspsykiatrisk senter {place} (fiktiv)",
]
TEAM_NAMES = [
    "Oppfølgingsteamet",
    "Aktivitetshuset",
    "Arbeidstrening",
    "Botiltaket",
    "Lavterskelteamet",
    "FACT-teamet",
    "Ettervernet",
    "Ungdomsteamet",
    "Miljøarbeidertjenesten",
    "Erfaringsteamet",
]

ABOUT = [
    "Jeg liker å være ute, helst ved sjøen.",
    "Jeg har en katt som heter Pus, og hun betyr mye for meg.",
    "Si det rett ut – jeg liker ikke å bli snakket rundt.",
    "Jeg trenger litt tid før jeg svarer. Det betyr ikke at jeg ikke bryr meg.",
    "Musikk hjelper meg når det er tungt. Jeg spiller litt gitar.",
    "Jeg er glad i å lage mat og å ha folk rundt bordet.",
    "Morgenene er tunge for meg. Avtaler etter klokka tolv passer best.",
    "Jeg har jobbet som snekker i mange år og er god med hendene.",
    "Barna mine er det viktigste jeg har.",
    "Jeg liker å gå turer med hunden, gjerne sammen med noen.",
    "Jeg snakker helst norsk, men arabisk når det er vanskelig.",
    "Jeg vil gjerne at vi går tur når vi snakker, i stedet for å sitte inne.",
    "Jeg strikker, og jeg liker å lære andre å strikke.",
    "Jeg har vært rusfri i et halvt år, og er stolt av det.",
    "Jeg trives best når jeg vet hva som skal skje.",
]

# Goals by life area (plans.models.LifeArea keys), in the person's own words.
GOALS = {
    "arbeid-utdanning": [
        "Begynne på arbeidstrening to dager i uka",
        "Ta opp igjen fagbrevet",
        "Få en deltidsjobb jeg trives i",
        "Fullføre norskkurset",
        "Prøve meg som frivillig på kafeen",
        "Lære meg å bruke datamaskin bedre",
    ],
    "relasjoner": [
        "Få kontakt med barna mine igjen",
        "Ringe søsteren min oftere",
        "Bli kjent med noen nye på huset",
        "Være en god pappa på samværshelgene",
        "Tørre å si fra når noe er vondt",
        "Ha en venn å gå på kino med",
    ],
    "fritid": [
        "Bli med i turgruppa",
        "Ta opp igjen gitaren",
        "Begynne å svømme igjen",
        "Gå på fotballkamp med kompisen min",
        "Finne en hobby jeg gleder meg til",
        "Male litt hver uke",
    ],
    "sovn-dognrytme": [
        "Sove bedre og stå opp før ni",
        "Ha faste tider for mat og søvn",
        "Komme meg ut av senga før klokka tolv",
        "Legge meg før midnatt på hverdager",
    ],
    "rusmestring": [
        "Holde meg rusfri i helgene",
        "Drikke mindre når jeg er alene",
        "Finne noe annet å gjøre når suget kommer",
        "Gå på møter i samtalegruppa",
    ],
    "okonomi-bolig": [
        "Betale regningene i tide",
        "Få orden på økonomien",
        "Finne en leilighet som føles som hjemme",
        "Rydde i leiligheten så jeg kan ha besøk",
        "Lage et budsjett jeg klarer å følge",
    ],
    "fysisk-helse": [
        "Gå en tur hver dag",
        "Lage middag selv tre dager i uka",
        "Gå til tannlegen",
        "Røyke mindre",
        "Spise frokost før jeg går ut",
        "Orke å gå opp bakken til butikken",
    ],
}
SUBGOALS = [
    "Prøve én dag i uka først",
    "Finne ut hva som finnes i nærheten",
    "Snakke med noen som har gjort det før",
    "Holde på i en måned og se hvordan det går",
    "Gjøre det sammen med noen de første gangene",
    "Skrive ned hvordan det går hver uke",
]
STEPS = [
    "Sette på vekkerklokka klokka åtte",
    "Ringe og spørre om en time",
    "Gå rundt kvartalet etter frokost",
    "Skrive en handleliste",
    "Sende en melding til {name}",
    "Legge telefonen i stua om kvelden",
    "Møte opp på huset tirsdag",
    "Åpne ett brev om dagen",
    "Spørre {name} om hjelp",
    "Ta bussen til sentrum sammen med {name}",
    "Søke på kurset",
    "Sjekke åpningstidene på svømmehallen",
    "Lage middag på søndag",
    "Rydde kjøkkenbenken",
    "Betale strømregningen",
    "Skrive tre ting jeg fikk til denne uka",
    "Bli med på tur torsdag",
    "Finne fram gitaren og stemme den",
    "Gå innom biblioteket",
    "Ringe NAV-veilederen",
]
HELPERS = ["{name}", "{name} blir med første gang", "Søsteren min", "Kontaktpersonen", "Naboen", ""]
WINS = [
    "Ringte {name} – det gikk fint!",
    "Gikk tur tre dager på rad",
    "Sto opp før ni hele uka",
    "Lagde middag til hele familien",
    "Var på huset to ganger denne uka",
    "Betalte alle regningene i tide",
    "Sa fra da noe var vondt",
    "Spilte gitar for første gang på lenge",
    "Fikk et hyggelig svar på søknaden",
    "Holdt meg rusfri hele helga",
    "Tok bussen alene",
    "Svømte fire lengder",
    "Fikk besøk og hadde det fint",
]
DAY_GOALS = [
    "Handle mat til helga",
    "Spise frokost",
    "Gå en liten tur",
    "Ringe {name}",
    "Ta medisinene til riktig tid",
    "Legge meg før tolv",
    "Vaske klær",
    "Møte opp på avtalen klokka ett",
    "Være litt ute i dagslys",
]
RESOURCES = {
    "styrker": [
        "Flink med hendene",
        "Tålmodig med dyr",
        "Ærlig og direkte",
        "Gir ikke opp så lett",
        "God til å lytte",
        "Morsom når jeg er trygg",
        "Flink til å lage mat",
        "Ordentlig og nøyaktig",
    ],
    "interesser": [
        "Sykler og motorer",
        "Fiske",
        "Musikk, særlig gammel rock",
        "Strikking",
        "Fotball",
        "Å være i naturen",
        "Dataspill",
        "Rettferdighet",
        "Familien",
    ],
    "nettverk": [
        "Søsteren min",
        "Naboen som kommer innom",
        "Gjengen på huset",
        "Kompisen fra skolen",
        "Mormor",
        "Turgruppa",
        "Menigheten",
    ],
    "mestring": [
        "Gå tur når det blir mye",
        "Høre på musikk",
        "Ringe noen før det blir for tungt",
        "Skrive ned tankene",
        "Pusteøvelsen jeg lærte",
        "Ta en dusj og begynne på nytt",
        "Gå ut i dagslyset",
    ],
}
NETWORK = {
    "familie-venner": ["Mamma", "Pappa", "Søsteren min", "Broren min", "Mormor", "{name}", "Kompisen {name}"],
    "hjelpere": ["Fastlegen", "NAV-veilederen", "Kontaktpersonen på huset", "Psykologen", "Boveilederen", "{name}"],
    "fellesskap": ["Turgruppa", "Biblioteket", "Sykkelverkstedet", "Kafeen på huset", "Korpset", "Menigheten"],
}
NETWORK_NOTES = [
    "Betyr mye for meg",
    "Ringer nesten hver dag",
    "Vi ses når det passer",
    "Hjelper meg med papirer",
    "Vi har kjent hverandre lenge",
    "",
    "",
]
CRISIS_HELPS = [
    "Gå tur. Musikk på øret. At noen spør rett ut hvordan jeg har det.",
    "Å være sammen med dyr. En kopp kaffe og noen som bare sitter der.",
    "Å få sove. At noen tar med mat.",
    "Å ringe søsteren min. Å skrive ned tankene.",
]
CRISIS_NOT_HELPS = [
    "Mange spørsmål på en gang.",
    "At folk snakker over hodet på meg.",
    "Å være alene i leiligheten hele dagen.",
    "Høye stemmer og mye folk.",
]
CRISIS_MEET = [
    "Rolig og ærlig. Si det rett ut.",
    "Gi meg litt tid før jeg må svare.",
    "Spør hva jeg trenger, ikke bestem for meg.",
    "Snakk lavt, og sett deg ned.",
]
WARNING_SIGNS = [
    ("Jeg slutter å svare på telefonen", "{name} kan komme innom med kaffe"),
    ("Jeg sover nesten ikke", "Ringe kontaktpersonen eller fastlegen"),
    ("Jeg blir sittende inne flere dager", "Gå en kort tur, selv om det er tungt"),
    ("Jeg begynner å drikke mer", "Ringe noen fra samtalegruppa"),
    ("Tankene går i ring", "Skrive dem ned og vise dem til noen jeg stoler på"),
    ("Jeg glemmer å spise", "Ha noe enkelt i kjøleskapet"),
]
CRISIS_CONTACTS = [
    ("Søsteren min", "900 00 000", "Være sammen med meg"),
    ("Kontaktpersonen", "900 00 000 (hverdager 8–16)", "Snakke om det som skjer"),
    ("Legevakten", "116 117", "Når det haster"),
    ("{name}", "Melding på telefonen", "Gå tur"),
]
WEEK = [
    ("Tur", "aktivitet"),
    ("Arbeidstrening", "aktivitet"),
    ("Huset", "aktivitet"),
    ("Handle mat", "rutine"),
    ("Vaske klær", "rutine"),
    ("Stå opp og spise frokost", "rytme"),
    ("Legge meg før tolv", "rytme"),
    ("Ringe {name}", "aktivitet"),
    ("Svømming", "aktivitet"),
    ("Samtalegruppa", "aktivitet"),
]
RATING_COMMENTS = [
    "Det har gått litt bedre denne måneden.",
    "Jeg har hatt noen fine dager på huset.",
    "Savner barna.",
    "Har fått mer tro på at det går.",
    "Litt tungt nå, men jeg vet det går over.",
    "Jeg bestemmer mer selv enn før.",
]
CROSS_TOPICS = [
    "Røyken",
    "Drikkingen i helgene",
    "Jobben",
    "Flytte for meg selv",
    "Spillingen",
    "Å trappe ned medisinene",
]
CROSS_TEXTS = {
    "pros_now": ["Det roer meg ned", "Jeg slipper å tenke", "Det er kjent og trygt"],
    "cons_now": ["Det koster mye penger", "Jeg blir sliten dagen etter", "Det går ut over familien"],
    "pros_change": ["Mer penger til ting jeg liker", "Bedre helse", "Barna blir glade"],
    "cons_change": ["Jeg vet ikke hva jeg skal gjøre i stedet", "Jeg kan savne gjengen", "Det blir tomt"],
}
RULER_TEXTS = [
    "Fordi jeg vil være der for barna",
    "Jeg har klart det før",
    "Hvis jeg hadde noen å gjøre det sammen med",
    "Jeg vet at helsa blir bedre",
    "Litt mer søvn ville hjulpet",
    "",
]
SITUATIONS = [
    "Han har ikke snakket med noen på flere uker",
    "Hun vil gjerne jobbe, men er redd for å ikke klare det",
    "Har nettopp flyttet og kjenner ingen i nabolaget",
    "Kjenner seg mest som en diagnose",
    "Sover dårlig og er sliten om dagen",
    "Har et mål om å få kontakt med barna igjen",
    "Har hatt tilbakefall og skammer seg",
    "Vet ikke hva hun liker å gjøre lenger",
    "Føler at andre bestemmer alt",
    "Gleder seg til turgruppa, men gruer seg til å gå alene",
    "",
]
NOTE_SENTENCES = [
    "Gikk tur rundt vannet.",
    "{first} fortalte om noe {pronoun} fikk til forrige uke.",
    "Snakket om hva en god dag er.",
    "{first} vil prøve én dag på huset først.",
    "Vi ble enige om å ta det i små steg.",
    "{first} var sliten i dag, så vi tok en kortere prat.",
    "Mye latter i dag.",
    "Snakket om barna og bursdagen som kommer.",
    "{first} hadde skrevet ned tre ting {pronoun} er stolt av.",
    "Vi så på nettverkskartet sammen og la til to navn.",
    "{first} sa at det hjalp å ringe søsteren.",
    "Fulgte opp steget fra sist – det gikk bra.",
    "Snakket om hva som kan gjøre det lettere å komme i gang om morgenen.",
    "{first} tok selv opp økonomien.",
]
TAKEAWAYS = [
    "At det jeg kunne før, fortsatt teller.",
    "Jeg kan prøve én dag først.",
    "At det er lov å ta det i små steg.",
    "At noen hørte på meg.",
    "Jeg har flere folk rundt meg enn jeg trodde.",
    "",
]
FOLLOW_UPS = [
    "Følge opp første dag på huset.",
    "Spørre hvordan det gikk med telefonen til søsteren.",
    "Se på nettverkskartet igjen.",
    "Snakke mer om det som er viktig for {first}.",
    "Ta med brosjyren om turgruppa.",
    "",
]
REFLECTION_NOTES = [
    "Jeg merket at jeg snakket for mye i en samtale. Prøve å vente lenger neste gang.",
    "God uke. Flere små seire å feire.",
    "Travelt, men jeg fikk tid til å gå tur med to av dem jeg følger opp.",
    "Lurer på om jeg styrte for mye i samtalen torsdag.",
    "",
]
