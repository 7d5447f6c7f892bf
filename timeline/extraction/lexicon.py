"""Word lists the parse-based rules read: one entry per word, so a new case is a line, not a branch."""

from __future__ import annotations

from dataclasses import dataclass

from .text import word_set


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb that attributes words to its subject."""

    lemma: str
    needs_clause: bool = False  # speech only with a clause after it: "denied that …", not "denied entry"
    quote_only: bool = False  # attributes a quote beside it, never a clause of its own ("read", "shouted")


SPEECH_VERBS = {
    v.lemma: v
    for v in (
        SpeechVerb("say"),
        SpeechVerb("tell"),
        SpeechVerb("add"),
        SpeechVerb("announce"),
        SpeechVerb("warn"),
        SpeechVerb("state"),
        SpeechVerb("declare"),
        SpeechVerb("insist"),
        SpeechVerb("argue"),
        SpeechVerb("stress"),
        SpeechVerb("urge"),
        SpeechVerb("advise"),
        SpeechVerb("explain"),
        SpeechVerb("write"),
        SpeechVerb("tweet"),
        SpeechVerb("note"),
        SpeechVerb("claim", needs_clause=True),
        SpeechVerb("acknowledge", needs_clause=True),
        SpeechVerb("admit", needs_clause=True),
        SpeechVerb("assert"),
        SpeechVerb("confirm", needs_clause=True),
        SpeechVerb("deny", needs_clause=True),
        SpeechVerb("caution"),
        SpeechVerb("recommend", needs_clause=True),
        SpeechVerb("suggest", needs_clause=True),
        SpeechVerb("report", needs_clause=True),
        SpeechVerb("maintain", needs_clause=True),
        SpeechVerb("allege", needs_clause=True),
        SpeechVerb("predict", needs_clause=True),
        SpeechVerb("concede", needs_clause=True),
        SpeechVerb("reveal", needs_clause=True),
        SpeechVerb("reply"),
        SpeechVerb("respond"),
        SpeechVerb("emphasise"),
        SpeechVerb("emphasize"),
        SpeechVerb("complain"),
        SpeechVerb("vow"),
        SpeechVerb("promise", needs_clause=True),
        SpeechVerb("contend"),
        SpeechVerb("observe", needs_clause=True),
        SpeechVerb("remark"),
        SpeechVerb("comment"),
        SpeechVerb("pledge"),
        SpeechVerb("indicate", needs_clause=True),
        SpeechVerb("testify"),
        SpeechVerb("estimate", needs_clause=True),
        SpeechVerb("believe", needs_clause=True),
        SpeechVerb("reject", needs_clause=True),
        SpeechVerb("dismiss", needs_clause=True),
        SpeechVerb("exclaim"),
        SpeechVerb("ask", quote_only=True),
        SpeechVerb("read", quote_only=True),
        SpeechVerb("shout", quote_only=True),
        SpeechVerb("continue", quote_only=True),
        SpeechVerb("quote", quote_only=True),
    )
}

# Verbs of a figure moving: "net income rose to $87 million in the quarter" reports a result, not news.
FIGURE_VERBS = word_set(
    """rise fall drop decline jump climb slip gain increase decrease total record earn post report lose grow make
    reach hold inch edge surge soar plunge tumble slide rebound narrow widen double triple"""
)
# What a company reports for a period: "posted lower earnings for the quarter".
RESULT_NOUNS = word_set("earnings profit profits income loss losses revenue revenues sales net margin margins")
# What an account holds, whose figures move ("revenue declined to $85.7 million", "assets fell").
ACCOUNT_NOUNS = RESULT_NOUNS | word_set(
    """asset assets expenditure expenditures spending cost costs expense expenses debt deposits dividend
    earning volume output shipment shipments order orders backlog inventory inventories reserve reserves"""
)
# Stretches of account a result is given for: "for the quarter", "for the nine months".
PERIOD_NOUNS = word_set("quarter year month months period half weeks")
# Nouns of speech that carry their speaker and words: "Blinken's comments on Tuesday that …".
REMARK_NOUNS = word_set("comment remark statement claim warning assertion announcement suggestion insistence argument")
# Who a statement is given to by a preposition: "according to X", "in the words of X".
ATTRIBUTING_PREPOSITIONS = word_set("according")

# Roles people speak in: "the lawyer said" is the lawyer named earlier.
PERSON_ROLES = word_set(
    """lawyer attorney spokesman spokeswoman spokesperson president minister secretary chairman chairwoman
    chair director chief head leader governor mayor senator judge prosecutor ambassador envoy official
    officer commander general colonel captain coach manager executive founder economist analyst professor
    researcher activist doctor surgeon scientist expert author historian biographer friend wife husband
    mother father son daughter gunman suspect climber mountaineer singer actor actress writer
    player athlete artist designer photographer musician poet novelist explorer brother sister sheriff
    detective inspector superintendent negotiator
    premier chancellor king queen prince pope bishop priest rabbi imam counsel lawmaker legislator
    congressman congresswoman representative candidate owner victim witness teacher student adviser
    advisor aide deputy undersecretary administrator commissioner investigator agent pilot captain"""
)
# People as a group or by a role: "family members were outside", "the lawyer was in court".
PEOPLE_NOUNS = PERSON_ROLES | word_set("member people family crowd protester demonstrator resident relative")
# Words for one role: "Her attorney, Lenard Leeds" makes "the lawyer said" Leeds.
ROLE_SYNONYMS = {"attorney": "lawyer", "counsel": "lawyer", "spokeswoman": "spokesman", "spokesperson": "spokesman"}
# Institutions that speak: "the company said" is the company named earlier.
ORGANISATION_NOUNS = word_set(
    """embassy consulate ministry department office agency council committee commission bureau service
    guard police army navy military force court parliament congress senate government administration
    kremlin pentagon party union bank fund group organisation organization association federation
    institute university company corporation firm network channel authority board cabinet coalition
    alliance command secretariat mission delegation league foundation tribunal regime campaign team club
    airline carrier hospital school newspaper magazine station broadcaster studio utility exchange
    concern maker manufacturer producer operator retailer chain lender insurer giant
    prosecutor's prosecutors"""
)
# Words for any institution: "the company said" is the one that spoke (or was named) last.
GENERIC_ORGANISATION_NOUNS = word_set(
    """company firm concern maker manufacturer producer operator retailer chain lender insurer giant group
    corporation business carrier airline bank conglomerate"""
)
# Documents an institution issues: "the alert said" speaks for whoever issued it.
DOCUMENT_NOUNS = word_set(
    """alert statement advisory notice message warning release communique communiqué bulletin report
    letter memo guidance announcement post tweet website filing complaint indictment ruling order"""
)
# A bare plural of these is anyone: "officials said", "sources said" name no one.
ANONYMOUS_NOUNS = word_set(
    """person people man woman men women source sources official officials authorities report reports media
    witness witnesses resident residents protester protesters expert experts analyst analysts observer
    observers critic critics someone anyone everyone nobody others some many most few one spokesman
    spokeswoman spokesperson diplomat diplomats"""
)
# Modal and future auxiliaries: the clause says what may, must or will happen, not what did.
MODALS = word_set("will would shall should may might must can could 'll 'd wo ca")
# Adverbs that say the text does not vouch for the happening: "allegedly arrested".
HEDGES = word_set("allegedly reportedly purportedly supposedly possibly probably perhaps maybe apparently")
# Heads of clauses that do not report a happening of their own.
CONDITIONAL_MARKS = word_set("if unless whether")
# Verbs whose complement is planned or expected: "plans to visit", "is expected to sign".
EXPECTATION_VERBS = word_set("plan expect schedule set intend aim propose prepare due slate")
# Verbs that are no happening: being, seeming, thinking, saying (speech is a statement, not an event).
STATE_VERBS = word_set(
    """be have seem appear remain know think believe feel want need like include consist contain mean
    represent involve concern continue include total compare account amount predict estimate anticipate hope
    reflect love"""
)

# Nouns that name a happening, besides the deverbal ones ("mobilisation", "announcement", "closure",
# "arrival", "discovery"), which are recognised by their ending: what "after" or "following" may
# name as the happening before another (antecedents.py).
EVENT_NOUNS = word_set(
    """speech attack raid strike war battle vote election referendum protest rally march riot crash
    explosion blast bombing shooting killing murder death fire flood earthquake storm hurricane quake
    visit trip talks summit meeting deal ruling verdict trial arrest coup invasion offensive ceasefire
    truce uprising revolt crackdown scandal collapse merger takeover bankruptcy sale launch release
    debate hearing resignation victory defeat win loss escape outbreak incident accident disaster
    crisis shutdown lockdown ban boycott walkout massacre siege assault campaign tour ceremony funeral
    wedding sentencing conviction acquittal indictment bailout downgrade default recall spill leak
    hack breach heist kidnapping abduction"""
)
# Nouns of a stretch of time or of a thing, that end like an event noun ("after two years", "following
# the government"): no happening.
TIME_NOUNS = word_set(
    """year month week day hour minute second time period decade century season quarter weekend night
    morning afternoon evening moment while government department parliament apartment equipment
    nation station population position information condition institution administration organization
    organisation question section nature picture future culture structure feature measure capital
    mission commission foundation federation corporation generation region legislation edition
    relation version opinion tradition situation portion proportion location direction fashion
    nature treasure pressure signature temperature literature agriculture furniture manufacture"""
)
# Nouns of a quantity, that head a count ("dozens of demonstrators", "tens of thousands of people"):
# no part of what happened.
QUANTITY_NOUNS = word_set(
    """dozen dozens hundred hundreds thousand thousands million millions billion billions ten tens score
    scores number numbers majority minority percent percentage handful couple lot lots group share"""
)
