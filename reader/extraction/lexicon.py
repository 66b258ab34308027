"""Romanian word lists: verbs of saying, role nouns, pronouns, connectors, and the classes the entity, figure
and interview rules read. Every list is a linguistic class, named once here.

Everything here is data plus precompiled regexes; text is matched after ``fold`` (comma-below letters),
case-insensitively.  Inflected forms are listed explicitly because Romanian morphology is too irregular
for a tiny stemmer and a wrong stem would swallow ordinary verbs.
"""

from __future__ import annotations

import re

# Participles used with the auxiliary: "a spus", "au declarat", "i-a spus", "ar fi întrebat".
_PARTICIPLES = (
    "spus declarat precizat adăugat afirmat subliniat explicat menționat transmis notat atenționat continuat "
    "continua reacționat scris anunțat confirmat amintit reamintit răspuns susținut considerat arătat asigurat "
    "avertizat acuzat comentat insistat mărturisit recunoscut admis negat dezvăluit estimat apreciat sugerat "
    "opinat conchis concluzionat replicat ripostat punctat completat detaliat relatat povestit întrebat reiterat "
    "semnalat evidențiat indicat informat comunicat postat precizat declarat spus transmis calificat catalogat "
    "descris lămurit clarificat argumentat observat remarcat constatat admis criticat promis garantat "
    "încheiat ironizat glumit exclamat strigat scandat zis infirmat amenințat cerut îndemnat propus reproșat lăudat "
    "raportat pretins reclamat dezmințit denunțat sesizat"
).split() + ["atras atenția"] + ["dat asigurări", "scris pe Facebook"] + [
    # "a ținut să precizeze": insisting on saying is saying.
    f"ținut să {verb}" for verb in "precizeze sublinieze menționeze declare spună afirme transmită adauge "
                                   "reamintească explice arate".split()]


def _pluperfects(participle: str) -> tuple[str, str]:
    """The pluperfect, 3rd person singular and plural, of a verb from its participle: "declarat" ->
    "declarase", "declaraseră"; "spus" -> "spusese", "spuseseră"."""
    stem = participle[:-1] + "se" if participle.endswith("t") else participle + "ese"
    return stem, stem + "ră"


# "declarase", "spuseseră": reported speech told in the past of the past.
_PLUPERFECTS = [form for p in _PARTICIPLES if p.endswith(("t", "s")) and " " not in p for form in _pluperfects(p)]
_PARTICIPLE_ALT = "|".join(sorted(set(_PARTICIPLES), key=len, reverse=True))
_AUX = r"(?:a|au|ar fi|ar mai fi|i-a|i-au|le-a|le-au|mi-a|ne-a|v-a|ți-a|a și|au și)"
_AUX_PAST = rf"\b{_AUX}\s+(?:mai\s+|și\s+|tot\s+)?(?:{_PARTICIPLE_ALT})\b"

# Present tense (3rd person singular/plural) and imperfect forms that attribute speech.
_PRESENT = (
    "spune spun declară afirmă susține susțin consideră consideră explică precizează subliniază arată adaugă "
    "notează transmite transmit scrie scriu relatează relatează anunță acuză avertizează insistă mărturisește "
    "recunoaște admite apreciază estimează crede cred afirmă menționează comentează povestește concluzionează "
    "replică punctează spunea declara afirma preciza adăuga sublinia explica nota scria povestea zice "
    "informează comunică întreabă răspunde conchide completează continuă încheie reamintește avertiza atrage "
    "strigau scandau strigă scandează pretinde pretind raportează reclamă"
).split() + _PLUPERFECTS
_PRESENT_ALT = "|".join(sorted(set(_PRESENT), key=len, reverse=True))

# Gerunds: "..., spunând că ..." takes the subject of the preceding clause.
_GERUNDS = (
    "spunând declarând afirmând precizând subliniind adăugând explicând susținând arătând menționând anunțând "
    "acuzând avertizând notând scriind transmițând amintind insistând considerând estimând apreciind "
    "recunoscând dezvăluind promițând subliniind raportând pretinzând"
).split()
_GERUND_ALT = "|".join(sorted(set(_GERUNDS), key=len, reverse=True))

# Impersonal attributions to a document: "se arată în comunicat", "se precizează într-un răspuns".
_IMPERSONAL = (
    r"\bse\s+(?:mai\s+)?(?:arată|precizează|menționează|spune|afirmă|subliniază|explică|notează|anunță|transmite"
    r"|afirma|arăta|preciza|menționa|spunea)\s+(?:și\s+)?(?:în|într-un|într-o)\b"
)

# A verb of saying in any of the forms above (used before "că" and after a closing quote mark). Every form starts
# a word with a letter: the leading check says so once, and a scan skips other positions without trying each form.
WORD_START = r"\b(?=[^\W\d_])"
SAY_VERB = (rf"{WORD_START}(?:{_IMPERSONAL}|{_AUX_PAST}|\b(?:mai\s+)?(?:{_PRESENT_ALT})\b(?:\s+atenția)?"
            rf"|\b(?:{_GERUND_ALT})\b)")
SAY_VERB_RE = re.compile(SAY_VERB, re.IGNORECASE)
GERUND_RE = re.compile(rf"\b(?:{_GERUND_ALT})\b", re.IGNORECASE)

# Verbs that take "cum" as well as "că" ("a amintit cum ...", "a povestit cum ...").
CUM_VERBS = ("amintit", "povestit", "descris", "explicat", "relatat", "amintind", "povestind", "reamintit")

# Prepositional attributions: "potrivit lui X", "conform X", "citat de X", "în opinia lui X".
SOURCE_PREP_RE = re.compile(
    r"\b(?:potrivit|conform|după spusele|în opinia|în viziunea|în opinia|citând pe|citându-l pe|citând-o pe)"
    r"(?:\s+(?:lui|ei|unor|unei|unui))?\s+(?!căreia\b|căruia\b|cărora\b)",  # "potrivit căreia" is relative
    re.IGNORECASE,
)

# Words skipped between a verb of saying and its subject: "a declarat vineri purtătorul de cuvânt".
ADVERBS = frozenset(
    "luni marți miercuri joi vineri sâmbătă duminică ieri azi astăzi aseară mâine recent ulterior apoi atunci "
    "seara dimineața dimineață după-amiază noaptea acum și mai tot de asemenea, asemenea ulterior inițial "
    "totodată încă deja imediat ulterior".split()
)

# Pronouns that pick the most recently mentioned person (of the right gender when the pronoun has one).
FEMININE_PRONOUNS = frozenset("ea aceasta dânsa dumneaei acesteia dânsei ultima cealaltă aceleia".split())
MASCULINE_PRONOUNS = frozenset("el acesta dânsul dumnealui acestuia dânsului ultimul celălalt aceluia".split())
PRONOUNS = FEMININE_PRONOUNS | MASCULINE_PRONOUNS | frozenset("ei ele aceștia acestea acestora".split())
# Male first names ending in -a (otherwise a first name in -a is a woman's).
MALE_NAMES_IN_A = frozenset("mircea luca toma horia mihnea sava costea nicola andrea ilia jean-luca".split())

# Role nouns (articulated forms, nominative and genitive) -> lemma.  A role resolves to the person
# introduced with it ("ministrul Sănătății, Ion Pop") or, failing that, the latest person.
_ROLE_FORMS = {
    "ministru": "ministrul ministrului ministra ministrei ministru",
    "premier": "premierul premierului prim-ministrul prim-ministrului premierului premiera premierei premier "
               "vicepremierul vicepremierului",
    "președinte": "președintele președintelui președinta președintei președinte",
    "candidat": "candidatul candidatului candidata candidatei",
    "vicepreședinte": "vicepreședintele vicepreședintelui",
    "lider": "liderul liderului lidera",
    "purtător": "purtătorul purtătorului purtătoarea purtătoarei",
    "antrenor": "antrenorul antrenorului tehnicianul tehnicianului selecționerul selecționerului",
    "primar": "primarul primarului edilul edilului edilul-șef primărița primăriței",
    "director": "directorul directorului directoarea directoarei",
    "șef": "șeful șefului șefa șefei",
    "medic": "medicul medicului doctorul doctorului",
    "decan": "decanul decanului",
    "rector": "rectorul rectorului",
    "secretar": "secretarul secretarului secretara secretarei",
    "ambasador": "ambasadorul ambasadorului",
    "procuror": "procurorul procurorului procuroarea",
    "judecător": "judecătorul judecătorului judecătoarea",
    "avocat": "avocatul avocatului avocata",
    "deputat": "deputatul deputatului deputata",
    "senator": "senatorul senatorului senatoarea",
    "consilier": "consilierul consilierului consiliera",
    "guvernator": "guvernatorul guvernatorului viceguvernatorul viceguvernatorului prim-viceguvernatorul",
    "cancelar": "cancelarul cancelarului vicecancelarul vicecancelarului",
    "comisar": "comisarul comisarului comisara",
    "manager": "managerul managerului",
    "patron": "patronul patronului patroana",
    "fondator": "fondatorul fondatorului fondatoarea",
    "analist": "analistul analistului",
    "expert": "expertul expertului",
    "specialist": "specialistul specialistului",
    "reprezentant": "reprezentantul reprezentantului reprezentanta",
    "jucător": "jucătorul jucătorului fotbalistul fotbalistului atacantul mijlocașul fundașul portarul",
    "politician": "politicianul politicianului",
    "oficial": "oficialul oficialului",
    "prefect": "prefectul prefectului",
    "rege": "regele regelui",
    "papă": "papa papei suveranul pontif",
    "dictator": "dictatorul dictatorului",
    # Nouns for people by age, sex, kinship, trade or fame: "a spus adolescentul", "creatoarea a explicat".
    "adolescent": "adolescentul adolescentului adolescenta adolescentei",
    "tânăr": "tânărul tânărului tânăra tinerei",
    "bărbat": "bărbatul bărbatului",
    "femeie": "femeia femeii",
    "mamă": "mama mamei",
    "tată": "tatăl tatălui",
    "soț": "soțul soțului soția soției",
    "fiu": "fiul fiului fiica fiicei",
    "sportiv": "sportivul sportivului sportiva sportivei",
    "campion": "campionul campionului campioana campioanei",
    "înotător": "înotătorul înotătorului înotătoarea înotătoarei",
    "actor": "actorul actorului actrița actriței",
    "artist": "artistul artistului artista artistei",
    "cântăreț": "cântărețul cântărețului cântăreața cântăreței",
    "vedetă": "vedeta vedetei",
    "scriitor": "scriitorul scriitorului scriitoarea scriitoarei romancierul romancierului",
    "jurnalist": "jurnalistul jurnalistului jurnalista jurnalistei",
    "moderator": "moderatorul moderatorului moderatoarea moderatoarei",
    "profesor": "profesorul profesorului profesoara profesoarei",
    "creator": "creatorul creatorului creatoarea creatoarei",
    "antreprenor": "antreprenorul antreprenorului antreprenoarea",
    "bancher": "bancherul bancherului",
    "economist": "economistul economistului economista",
    "chirurg": "chirurgul chirurgului",
    "polițist": "polițistul polițistului polițista polițistei",
    "detectiv": "detectivul detectivului",
    "parlamentar": "parlamentarul parlamentarului parlamentara europarlamentarul europarlamentarului",
    "sindicalist": "sindicalistul sindicalistului",
    "activist": "activistul activistului activista activistei",
    "pacient": "pacientul pacientului pacienta pacientei",
    "arhitect": "arhitectul arhitectului arhitecta arhitectei",
    "fotograf": "fotograful fotografului fotografa fotografei",
    "inginer": "inginerul inginerului inginera inginerei",
    "pictor": "pictorul pictorului pictorița pictoriței",
    "regizor": "regizorul regizorului regizoarea regizoarei",
    "muzician": "muzicianul muzicianului muziciana",
    "poet": "poetul poetului poeta poetei",
    "istoric": "istoricul istoricului",
    "psiholog": "psihologul psihologului psihologa",
    "sociolog": "sociologul sociologului sociologa",
    "club": "clubul clubului gruparea grupării",
    "echipă": "echipa echipei formația formației",
    "minister": "ministerul ministerului",
    "guvern": "guvernul guvernului executivul executivului",
    "companie": "compania companiei firma firmei",
    "partid": "partidul partidului formațiunea formațiunii",
}
ROLE_LEMMA: dict[str, str] = {form: lemma for lemma, forms in _ROLE_FORMS.items() for form in forms.split()}
# Roles that name an organisation rather than a person.
ORG_ROLES = frozenset({"club", "echipă", "minister", "guvern", "companie", "partid"})
# Generic person nouns with no apposition of their own: resolve to the latest person.
GENERIC_PERSON_ROLES = frozenset({"politician", "medic", "oficial", "specialist", "expert", "analist"})
# Lemmas of what a person is described as right after the name ("Ion Pop, directorul ...", "X, CEO ..."):
# the person roles above plus offices, ranks and kin that only ever follow a name in an apposition.
APPOSITION_ROLES = frozenset(
    {lemma for lemma in _ROLE_FORMS if lemma not in ORG_ROLES}
    | set(
        "arhiepiscop asistent asesor atașat ceo comandant consul consultant coordonator designer duce emir "
        "episcop fiică fiu inspector jurist lector membru membră mitropolit nepot partener patriarh prinț "
        "profesor profesoară prorector proprietar subprefect vicar viceprimar".split()
    )
)

# After a quote: "„…”, a fost mesajul lui X", "„…”, este reacția președintelui".
STATEMENT_NOUN_CUE = (
    r"(?:a\s+fost|este|e|sună|suna)\s+(?:mesajul|reacția|răspunsul|declarația|replica|concluzia|comentariul|"
    r"avertismentul|explicația|poziția)(?:\s+(?:transmis[ăa]?|publicat[ăa]?|postat[ăa]?)\s+de|\s+lui)?"
)

# Possessives inside a role noun phrase ("purtătorul său de cuvânt"): the role belongs to someone else.
POSSESSIVES = frozenset("său sa săi sale lor lui".split())

# Documents that "say" something on behalf of their author: "comunicatul ministerului", "unui raport al ONU".
DOCUMENT_NOUNS = frozenset(
    "comunicatul comunicat comunicatului raportul raport raportului documentul document documentului postarea "
    "postare postării mesajul mesaj mesajului declarația declarație declarației scrisoarea scrisoare scrisorii "
    "decizia decizie deciziei hotărârea hotărâre hotărârii răspunsul răspuns răspunsului nota notă notei analiza "
    "analiză analizei studiul studiu studiului sondajul sondaj sondajului anunțul anunț anunțului datele date "
    "datelor informațiile informații informațiilor statistica statistici statisticilor site-ul site-ului pagina "
    "paginii contul contului declarațiilor afirmațiilor spuselor surselor textul text textului legea lege legii "
    "proiectul proiectului ordonanța ordonanței regulamentul regulamentului".split()
)
# Nouns that introduce a title in marks: "programul „Rabla pentru electrocasnice”" is a name, not speech.
TITLE_NOUNS = frozenset(
    "programul programului legea legii proiectul proiectului emisiunea emisiunii filmul filmului cartea cărții "
    "volumul volumului spectacolul spectacolului piesa piesei melodia melodiei albumul albumului campania "
    "campaniei operațiunea operațiunii dosarul dosarului serialul serialului show-ul concursul concursului "
    "festivalul festivalului expoziția expoziției inițiativa inițiativei strategia strategiei planul planului "
    "pachetul pachetului ordonanța ordonanței codul codului sloganul sloganului rubrica rubricii revista revistei "
    "ziarul ziarului postul postului platforma platformei aplicația aplicației asociația asociației firma firmei "
    "compania companiei societatea societății grupul grupului partidul partidului alianța alianței mișcarea "
    "mișcării trupa trupei formația formației filmele cărțile".split()
)

# Indefinite subjects: the text does not say who spoke ("unul dintre medici", "o sursă").
INDEFINITE_RE = re.compile(
    r"^(?:unul|una|unii|unele|cineva|nimeni|o\s+sursă|un\s+\w+|o\s+\w+)\b", re.IGNORECASE
)

# Modifiers before a role noun: "fostul premier Ion Pop", "actualul ministru".
ROLE_MODIFIERS = frozenset(
    "fostul fosta foștii fostei fostului actualul actuala noul noua viitorul viitoarea dr. dr prof. prof av. ing. "
    "gen. col. conf. lect. dl. dna. domnul doamna d-l d-na".split()
)

# Connectors stripped from the start of a subject or a content clause.
LEADING_CONNECTOR_RE = re.compile(
    r"^(?:(?:după ce|de asemenea|totodată|în plus|pe de altă parte|astfel|însă|dar|iar|și|apoi|ulterior|"
    r"inițial|când|deși|dacă|întrucât|pentru că|fiindcă|la rândul său|la rândul ei|mai mult|în schimb|"
    r"de altfel|de fapt|prin urmare|între timp|în același timp|în acest context|ca urmare)\b[\s,]*)+",
    re.IGNORECASE,
)

# Marks of a finite verb: a segment containing these is a clause, not a noun phrase.
VERBISH_RE = re.compile(
    r"(?:\b(?:și-a|s-a|l-a|i-a|le-a|și-au|s-au|au|am|este|sunt|era|erau|va|vor|fi|fost|se|nu|să|care)\b"
    r"|\ba\s+[a-zăâîșț]+(?:at|it|ut|us|ăt|ât|is)\b)",
    re.IGNORECASE,
)

# Lowercase words that belong inside a person's name ("Ursula von der Leyen", "Charles de Gaulle").
NAME_PARTICLES = frozenset("de van von der da di du la le bin al".split())
# Lowercase words inside the name of an institution or a title ("Casa de Cultură a Sindicatelor",
# "Vocea României și a Moldovei"), English ones included: the particles and the Romanian connectors.
LOWERCASE_IN_NAMES = NAME_PARTICLES | frozenset("din a ale ai și în pe cu pentru the of and".split())

# Endings of the genitive-dative of Romanian nouns ("Ministerului", "Afacerilor", "Educației").
GENITIVE_ENDINGS = ("ului", "ilor", "elor", "iei", "ii", "ței", "ției", "alei")

# The calendar in Romanian: month names in order, their abbreviations, weekday names from Monday.
MONTHS = (
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split()
)
MONTH_ABBREVIATIONS = {
    "ian": 1, "feb": 2, "mar": 3, "apr": 4, "iun": 6, "iul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "noi": 11, "dec": 12,
}
WEEKDAYS = ("luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică")

# Words that cannot belong to a person's name (organisations, places, media, institutions).
NON_PERSON_WORDS = frozenset(
    "republica republicii uniunea uniunii statele unite națională naționale național federația federației "
    "ministerul ministerului guvernul guvernului universitatea universității comisia comisiei "
    "europeană europene consiliul consiliului curtea curții partidul partidului agenția agenției banca băncii "
    "tv cupa cupei liga ligii euro europa conference league armata armatei roșie roșii sovietice facebook "
    "instagram tiktok twitter youtube facultatea "
    "facultății spitalul spitalului primăria primăriei camera camerei senatul senatului parlamentul "
    "parlamentului poliția poliției inspectoratul inspectoratului institutul institutului compania companiei "
    "asociația asociației fundația fundației centrul centrului regiunea regiunii județul județului orașul "
    "orașului press presse news agerpres mediafax reuters digi24 antena protv românia româniei rusia rusiei "
    "ucraina ucrainei china chinei coreea coreei sua ue onu nato moldova moldovei transilvania transilvaniei "
    "populare democrate coreene ziua ziarul revista clubul echipa".split()
) | frozenset(WEEKDAYS) | frozenset(MONTHS)

# Human and collective nouns that head a described group of speakers ("medicii de familie consultați",
# "agricultorii", "oficialii ministerului"): plural forms, definite and bare, and collective singulars.
GROUP_NOUNS = frozenset(
    "oficialii oficiali reprezentanții reprezentanți medicii medici specialiștii specialiști experții experți "
    "analiștii analiști autoritățile autorități anchetatorii anchetatori procurorii procurori polițiștii polițiști "
    "jandarmii avocații avocați agricultorii agricultori fermierii fermieri locuitorii locuitori cetățenii "
    "cetățeni părinții părinți elevii elevi studenții studenți profesorii profesori angajații angajați "
    "sindicaliștii sindicaliști suporterii suporteri fanii fani vecinii vecini martorii martori organizatorii "
    "organizatori producătorii producători economiștii economiști sursele surse susținătorii susținători "
    "protestatarii protestatari membrii membri colegii colegi rudele familia presa mass-media cercetătorii cercetători "
    "liderii lideri parlamentarii parlamentari deputații deputați senatorii senatori aleșii consilierii "
    "consilieri judecătorii judecători salvatorii pompierii pompieri militarii militari soldații soldați "
    "angajatorii patronii transportatorii comercianții comercianți pacienții pacienți turiștii turiști "
    "utilizatorii utilizatori internauții votanții alegătorii alegători locatarii proprietarii șoferii "
    "participanții participanți voluntarii voluntari activiștii activiști ecologiștii jurnaliștii jurnaliști "
    "oamenii bancherii bancheri investitorii investitori "
    # collective nouns for an institution or a body of people, written as common nouns ("administrația locală")
    "administrația autoritatea autoritățile conducerea poliția armata jandarmeria justiția instanța procuratura "
    "parchetul ambasada organizația asociația sindicatul federația comisia consiliul familia primăria".split()
)

# Role nouns in their feminine forms: they tell that the person they refer to is a woman.
FEMININE_ROLE_FORMS = {
    form: "f"
    for form in (
        "adolescenta adolescentei tânăra tinerei femeia femeii mama mamei soția soției fiica fiicei sportiva "
        "sportivei campioana campioanei înotătoarea înotătoarei actrița actriței artista artistei cântăreața "
        "cântăreței scriitoarea scriitoarei jurnalista jurnalistei moderatoarea moderatoarei profesoara "
        "profesoarei creatoarea creatoarei antreprenoarea economista polițista polițistei parlamentara "
        "activista activistei pacienta pacientei arhitecta arhitectei fotografa fotografei inginera inginerei "
        "pictorița pictoriței regizoarea regizoarei muziciana poeta poetei psihologa sociologa "
        "ministra ministrei președinta președintei candidata candidatei lidera purtătoarea purtătoarei "
        "primărița primăriței directoarea directoarei șefa șefei secretara secretarei procuroarea judecătoarea "
        "avocata deputata senatoarea consiliera comisara patroana fondatoarea reprezentanta"
    ).split()
}

# Cues by which a publication or agency reports what someone else said: the outlet is the messenger.
REPORTING_CUE_RE = re.compile(
    r"(?:scrie|scria|a\s+scris|relatează|a\s+relatat|notează|a\s+notat|informează|a\s+informat|transmite|"
    r"a\s+transmis|citează|a\s+citat|potrivit|conform|citat\s+de|citată\s+de|citați\s+de|citate\s+de)",
    re.IGNORECASE,
)


# --- entity and figure evidence (sidebar) -----------------------------------------------------------------

# Function words that mark a sentence as English, Spanish, French or German (a quoted tweet): such sentences are
# not tagged. Words Romanian shares ("de", "la", "a", "le", "se", "una", "in") are left out.
FOREIGN_FUNCTION_WORDS = frozenset(
    "the of and is are was were to for with that this by from on at be has have it its will not but who which "
    "their they he she we you our an as after before about into than been would could should there what "
    "being had his her them "
    "el los las del y que para por con es hay muy pero como está están sus hacia mientras sobre desde entre sin "
    "también porque cuando donde unos unas estos estas fue han "
    "les des du et est une pour dans avec sur qui pas au aux sont "
    "der die das und ist nicht mit ein eine den dem auf für sich".split()
)
# Romanian function words (with and without diacritics) that outweigh them.
ROMANIAN_FUNCTION_WORDS = frozenset(
    "și si în că ca să sa nu cu pentru este sunt care din pe mai au al ale lui fost fi dar iar după dupa despre "
    "sau va vor foarte acest această aceasta unui unei unor cei cele ce".split()
)
# Romanian function words Spanish also writes ("al", "dar" 'to give'): evidence for neither language.
SHARED_FUNCTION_WORDS = frozenset("al dar".split())
# Nouns that, right before a name, say what kind of thing it names ("fondul de investiții X", "postul de
# televiziune X", "localitatea X"): dictionary forms.
ORGANIZATION_HEAD_NOUNS = frozenset(
    "agenție companie firmă societate grup fond bancă partid club echipă formație post televiziune publicație casă "
    "ziar revistă cotidian site portal asociație fundație federație organizație sindicat universitate institut "
    "minister consiliu direcție concern producător operator retailer lanț rețea platformă aplicație startup "
    "alianță coaliție mișcare outlet poliție armată jandarmerie guvern parlament senat primărie parchet tribunal "
    "spital ambasadă comisie autoritate inspectorat serviciu liceu școală colegiu uniune curte".split()
)
PLACE_HEAD_NOUNS = frozenset(
    "localitate oraș comună sat municipiu județ regiune provincie stat țară insulă capitală stațiune".split()
)
# Titles of a settlement written before its name ("Municipiul X", "orașul X"): the place is "X".
SETTLEMENT_TITLES = frozenset("municipiu oraș comună sat".split())
# Titles of a team written before its name ("Clubul X", "echipa X", "gruparea X"), as ROLE_LEMMA gives them:
# the team is "X" when X is a name, not a common word ("Clubul Sportiv Municipal" is a name as a whole).
TEAM_TITLES = frozenset("club echipă".split())
# A state's title before its short name ("Republica X", "Regatul X"): the same state as "X".
STATE_TITLES = frozenset("republică regat principat".split())
# Honorifics written as initials before a name ("E.S." Excelența Sa, "Î.P.S." Înalt Preasfinția Sa, "P.S.",
# "P.F." Preafericitul): letters only, lowercase.
HONORIFIC_INITIALS = frozenset("es îps ips ps pf îpss ipss".split())
# Words a news page prints right after a name ("Agenția X FOTO", "Sursa: X Etichete:"): never the name's end.
PAGE_WORDS = frozenset("etichete tag-uri taguri foto video live update exclusiv galerie deschide".split())
# Names of God: not a person in the sidebar.
DEITY_NAMES = frozenset("dumnezeu dumnezeul dumnezeului allah".split())
# Sentence connectives a name span picks up when it opens a sentence ("Iar Ion Pop a plecat").
SENTENCE_CONNECTIVES = frozenset("iar dar însă deci totuși astfel ori sau și apoi atunci acum ieri azi astăzi".split())
# Titles written in English before a name in quoted or translated copy ("President X", "Sir X").
FOREIGN_TITLES = frozenset(
    "president vice-president prime minister chancellor secretary senator governor mayor king queen prince princess "
    "pope ceo chairman mr mrs ms dr sir lord lady general colonel".split()
)
# Nouns that open the name of an event (a competition, a festival, a summit, a war): "Campionatul Mondial",
# "Jocurile Olimpice", "Festivalul X", "Mondialul", "Războiul de Independență"; dictionary forms. An entity so named
# is an EVENT, not a person or an organisation. Not the nouns that also open institutions' or places' names
# (congres, conferință, forum, târg as in "Târgu X") or first names (gală).
EVENT_HEAD_NOUNS = frozenset(
    "campionat cupă turneu olimpiadă joc mondial festival concurs competiție summit expoziție maraton raliu "
    "război".split()
)
# The same nouns in English, which end a name: "X Arts Festival", "Grand Slam", "World Cup".
ENGLISH_EVENT_HEADS = frozenset("festival cup championship championships games slam marathon rally war".split())
# Words of English (and international) company, outlet and institution names, and legal forms: a name with one
# is an organisation, however the model typed it ("Sky News", "Alfa Investments", "Beta Holdings Inc").
ORGANIZATION_NAME_WORDS = frozenset(
    "news press presse tv radio media network channel times journal gazette tribune insider daily "
    "weekly magazine group bank banking fund funds capital investments investment partners holdings holding "
    "inc ltd llc plc corp corporation company co sa srl gmbh ag nv bv spa airlines airways motors energy "
    "electric petroleum oil gas pharma pharmaceuticals systems technologies technology solutions software labs "
    "consulting research analytics securities exchange institute university college foundation association "
    "agency council party union league club fc".split()
)

# Abbreviations of time zones, written after a clock time ("ora 10:00 (09:00 BST)"): never an entity there.
TIME_ZONES = frozenset(
    "UTC GMT BST IST CET CEST EET EEST WET WEST MSK EST EDT CST CDT MST MDT PST PDT JST AEST AEDT".split()
)

# Administrative units named by a number rather than a word: "Sectorul 1", "Districtul 5", "Arondismentul 16".
NUMBERED_UNITS = frozenset("sector district arondisment".split())

# Prepositions that open a phrase which is never a speaker or a name ("în Marea Britanie", "pentru Digi24").
PREPOSITIONS = frozenset(
    "în la pe cu din de pentru despre după prin spre către dintre între asupra împotriva contra într-un într-o "
    "printr-un printr-o".split()
)
# Words that make the name after them an object, not a subject ("lui Kim", "pe Ion", "cu Ana").
OBJECT_MARKERS = frozenset("lui pe cu de la pentru despre către contra".split())

# Lowercase words that join the words of a name ("Banca Națională a României", "Ministerul de Externe"): skipped
# when a name's initials or dictionary form are computed.
NAME_LINKERS = frozenset({"de", "din", "a", "al", "ale", "ai", "și", "pentru", "la", "cu", "în", "pe", "sub", "după"})
# Words that link a role noun to its complement ("ministrul de Externe", "șeful al doilea"): a role phrase never
# ends on one.
ROLE_LINK_WORDS = frozenset("de al a ale pentru din la și".split())
# Honorifics (abbreviated and in full, every case) written before a person's name: "dl Ion Pop", "doamna Pop".
HONORIFICS = frozenset(
    "dl dl. d-l dlui dlui. domnul domnului domnule dna dna. d-na dnei doamna doamnei doamnă domnișoara "
    "domnișoarei dnii domnii doamnele".split()
)
# Function words that cannot modify a head noun before a name ("fondul de investiții X" has only modifiers):
# pronouns, conjunctions, prepositions, articles, "este".
NOT_HEAD_MODIFIERS = frozenset("lui lor cu și sau la pe în din că care ce a al ale ai un o unei unui este sunt".split())
# Endings of past participles ("condus", "fondată"): a participle before a name names an agent ("condus de X").
PARTICIPLE_ENDINGS = ("at", "ată", "ați", "ate", "it", "ită", "iți", "ite", "ut", "ută", "uți", "ute", "us", "usă")
# Ordinal words inside an event's name ("Al Doilea Război Mondial").
ORDINAL_WORDS = frozenset("al a primul prima doilea doua treilea treia".split())
# Endings of a noun in the genitive-dative or the plural: such a word after a role is the role's complement
# ("ministrul Educației", "șeful Transporturilor").
COMPLEMENT_ENDINGS = ("ei", "ii", "ilor", "elor", "ului", "e")
# Words that end a speaker's noun phrase after the verb of saying: prepositions, participles of citing, relative
# words ("a spus Putin lui Kim în cadrul ...", "a declarat Ion Pop, citat de ...").
SPEAKER_PHRASE_STOPS = frozenset(
    "în într-un într-o la pe cu după citat citată citați citate potrivit conform prin printr-un printr-o lui "
    "despre referitor referindu-se întrebat întrebată adresându-se pentru care când unde fiind".split()
)
# Abbreviations after which a full stop ends no sentence: titles, ranks, "nr", "art".
ABBREVIATIONS = ("dr", "Dr", "prof", "Prof", "gen", "col", "av", "ing", "ec", "conf", "lect", "Sf", "St", "sf", "jr",
                 "Jr", "Mr", "Dl", "Dna", "dl", "dna", "Ms", "Mrs", "nr", "art", "lt", "cpt", "mr", "pr", "ș.a", "Ing")
# Labels of an interview's turns: the interviewer's ("Întrebare:", "Reporter:", "Î:") and the interviewee's
# generic ones ("Răspuns:", "R:").
INTERVIEW_QUESTION_LABELS = frozenset("întrebare întrebarea î q reporter reporterul jurnalist jurnalistul rep".split())
INTERVIEW_ANSWER_LABELS = frozenset("răspuns răspunsul r a".split())
# Words that follow a number without being what it counts: function words, pronouns, adverbs, weekdays and months
# ("2-1 duminică": the date is its own figure; "luni" is also "months", a unit).
NOT_UNITS = frozenset(
    "a al ale ai au avea are este era fi fost sunt și sau ori dar iar că ce care cu din de la în pe pentru "
    "spre prin după până despre fără între lângă sub peste mai foarte deja doar numai încă tot toți "
    "toate acest acesta această aceste acești aceasta el ea ei ele lui lor se s-a s-au nu dintre ca decât "
    "când unde cum iar respectiv adică aproximativ circa față the of and or to".split()
) | (set(WEEKDAYS) - {"luni"}) | set(MONTHS)
# Auxiliary and modal verbs in the present and the imperfect (and "să"): after one, a word-number is a pronoun
# ("doi vor fi", "trei aveau"), not a count.
AUXILIARY_VERBS = frozenset(
    "vor va pot poate să sunt este ar au am trebuie aveau avea aveam erau era eram puteau putea trebuiau "
    "trebuia vroiau voiau".split()
)
# Prepositions that put words in a document ("în comunicat", "printr-un mesaj"): the document speaks.
DOCUMENT_PREPOSITIONS = frozenset("în într-un într-o printr-un printr-o prin".split())
# Documents an institution issues in its own name, as written: their words are the issuer's.
ISSUED_DOCUMENT_FORMS = frozenset(
    "comunicat comunicatul comunicatului mesaj mesajul anunț anunțul postare postarea".split()
)

# --- endings and small closed classes the rules test words against -------------------------------------------
# Indefinite articles: nominative-accusative ("un", "o"), then every case.
NOMINATIVE_INDEFINITE_ARTICLES = frozenset(("un", "o"))
INDEFINITE_ARTICLES = NOMINATIVE_INDEFINITE_ARTICLES | {"unui", "unei"}
# Indefinite pronouns that stand for someone unnamed ("unul dintre medici", "cineva").
INDEFINITE_PRONOUNS = frozenset("unul una cineva".split())
# "Sources" as the article's unnamed informants ("surse din minister", "sursa citată").
SOURCE_NOUNS = frozenset(("surse", "sursa"))
# Possessive articles and the prepositions that link a role to the organisation after it ("CEO al Alfa Bank").
ROLE_TO_ORGANISATION_LINKS = frozenset("al a ale ai de la".split())
# Endings of a noun with the definite article that titles use ("ministrul", "președintele", "șefului").
TITLE_ENDINGS = ("ul", "le", "lui")
# Genitive-dative singular endings ("Danemarcii", "Brăilei", "Brașovului"), and with the plural's ("-lor").
OBLIQUE_SINGULAR_ENDINGS = ("ei", "ii", "ului")
OBLIQUE_ENDINGS = (*OBLIQUE_SINGULAR_ENDINGS, "lor")
# Genitive endings of proper names ("Rusiei", "Statelor"): a proper noun so ended is a complement, not a name's end.
PROPER_GENITIVE_ENDINGS = ("ii", "iei", "ului", "ilor", "elor")
# Endings of a common noun with the definite article, singular and plural ("Biroul", "Codului", "Faptelor").
ARTICLED_NOUN_ENDINGS = ("ul", "ului", "ilor", "elor")
# Articled plurals: "posturile", "hotelierii".
PLURAL_ARTICLE_ENDINGS = ("ile", "ele", "urile", "ii")
# Suffixes of Romanian agent nouns, in the articled plural: "hotelierii", "investitorii", "analiștii".
AGENT_PLURAL_ENDINGS = ("ierii", "torii", "iștii", "anții", "enții", "arii", "ologii")
# Nouns naming an abstraction, a rule or a strain, right before what they name ("principiul ZET", "indicele BET",
# "varianta Omicron", "sindromul Down"): that name is no person, place or organisation. Dictionary forms.
ABSTRACT_HEAD_NOUNS = frozenset(
    "principiu sistem standard regulă concept mecanism protocol sindrom virus metodă algoritm indice variantă "
    "tulpină".split()
)
# Endings one place name takes in the nominative without and with the article and in the genitive
# ("Zaporojie", "Zaporojia", "Britanii" of "Britanie").
PLACE_NAME_ENDINGS = ("ie", "ia", "ii")
# What a masculine or neuter noun's plural adds to its dictionary form ("producători", "posturile").
PLURAL_SUFFIXES = frozenset(("i", "ii", "uri", "urile", "le", "ile", "ele"))
