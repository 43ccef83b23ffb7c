"""The word tables the finders share: head nouns of firms, places, plans and products, and role words.

Lower-case, as written: a table of nouns lists the forms it matches (names and their heads are read as written;
verbs are matched by lemma where they are used).
"""
from __future__ import annotations

# words that start a person's role: "Chairman of Qualcomm China", "Ann Lee, CEO of Acme"
ROLE_WORDS = frozenset(
    """president vice chairman chairwoman chair ceo cfo cto coo director manager head chief executive
    officer founder co-founder partner professor mayor governor minister secretary deputy general
    managing senior principal lead leader economist analyst researcher scientist representative
    ambassador consul counsellor counselor commissioner advisor adviser spokesperson spokesman
    dean editor reporter correspondent engineer chairperson treasurer premier chancellor senator congressman
    congresswoman councillor councilor vp svp evp""".split()
)

# nouns that say the proper name next to them is an organisation: "energy company Vattenfall",
# "OPPO, one of the world's largest manufacturers"
ORG_NOUNS = frozenset("""company companies firm firms utility maker makers manufacturer manufacturers carmaker automaker
    start-up startup supplier suppliers provider operator developer bank insurer conglomerate retailer producer
    distributor investee affiliate subsidiary""".split())

# head nouns that say a phrase describes a firm ("a chemicals group", "Chinese battery maker CATL"): the
# organisation nouns and a few more that name a firm only as the head of such a phrase
FIRM_NOUNS = ORG_NOUNS | frozenset("""group giant enterprise corporation business chipmaker drugmaker steelmaker
    consultancy""".split())

# nouns after a name that make it a product's or a programme's: "the EcoStruxure framework", "the Flanders program"
PRODUCT_NOUNS = frozenset("""platform platforms framework frameworks solution solutions software app apps system systems
    series brand brands product products device devices suite program programme initiative report awards award""".split())

# money that passes from a funder: "a capital grant from IDA Ireland", "funded by Enterprise Yorkshire"
MONEY_NOUNS = frozenset({"grant", "loan", "funding", "financing", "investment", "subsidy", "donation", "credit"})
FUNDING_VERBS = frozenset({"fund", "finance", "co-fund", "cofund", "sponsor", "underwrite", "bankroll"})

# common nouns that follow a place's name: "Vinh Phuc province", "Lach Huyen port"
PLACE_NOUNS = frozenset({"province", "district", "county", "city", "town", "village", "port", "region", "state",
                          "prefecture", "municipality", "governorate", "oblast", "harbour", "harbor", "commune"})
# nouns for an area laid out for business: "the Parc Industriel Atlas-Sud, a 210-hectare industrial zone", "the LAPSSET
# corridor"
ZONE_NOUNS = frozenset({"zone", "park", "estate", "corridor"})

# nouns that make a name a programme's, a plan's or a law's: "SG-READY, a government-backed programme"
PLAN_NOUNS = frozenset({"programme", "program", "plan", "initiative", "scheme", "strategy", "project", "law", "act",
                         "regulation", "directive", "fund", "award", "index", "campaign"})

# honorifics before a person's name, not part of it: "Datuk Lim Boon Keat", "Dr. Wanjiru Kamau", "Tan Sri ..."
HONORIFICS = frozenset("""datuk dato datin tan sri puan encik haji hajjah sheikh mr mrs ms dr prof professor sir dame
    lord madam""".split())
# words that join a person's given name to a parent's: "Nur Aisyah binti Kamarudin", "Ahmad bin Ismail"
PATRONYMIC_WORDS = frozenset({"bin", "binti", "bte", "binte", "a/l", "a/p"})

# verbs (lemmas) whose subject speaks or decides, as only a body or a person does: "the Conference pointed out ..."
SAYING_VERBS = frozenset("""say state point stress emphasize emphasise note urge propose decide require announce
    call declare warn""".split())

# words that make a programme public, a government's instrument: "the national PREPARE programme"
PUBLIC_WORDS = frozenset({"national", "regional", "federal", "provincial", "municipal", "state", "government-backed",
                          "government-funded", "state-backed", "public"})
