"""Builds accounts/data/common_passwords_nb.txt: the Norwegian words, names and patterns people
choose as passwords first, so the password check can refuse them (accounts/validators.py).

Not run by the app or the tests; the list it writes is committed. To build it again:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python accounts/data/build_common_passwords.py

Sources, in the order they are taken:
1. The hand list below: Norwegian password habits named in security advice and in the issue
   («passord», seasons, «hemmelig», places, football clubs, pets, keyboard rows, common
   first names).
2. wordfreq 3.1.1 (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0): the 12,000 most
   frequent Norwegian bokmål words (from Wikipedia, OpenSubtitles, Reddit, Twitter and
   the Leeds Internet Corpus), letters only, three letters or more. People build passwords
   from everyday words; the most frequent words are the ones guessed first.
Django's own list of 20,000 common (mostly English) passwords is checked as well.
"""

import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent / "common_passwords_nb.txt"
WORDFREQ_WORDS = 12_000

HAND = """
passord passordet mittpassord nyttpassord hemmelig hemmelighet velkommen velkommen1 hallo heisann hei
sommer vinter høst vår jul julaften påske sommerferie vinterferie juleferie fredag lørdag søndag mandag
januar februar mars april mai juni juli august september oktober november desember
norge norway noreg norsk nordmann oslo bergen trondheim stavanger tromsø kristiansand drammen fredrikstad
sandnes sarpsborg skien bodø ålesund haugesund tønsberg moss porsgrunn arendal hamar larvik halden lillehammer
molde harstad kongsberg gjøvik horten narvik alta hammerfest kirkenes finnmark troms nordland trøndelag
vestland rogaland agder telemark vestfold viken innlandet møreogromsdal lofoten
rosenborg rbk molde brann vålerenga vif lillestrøm lsk viking strømsgodset godset sarpsborg08 odd
haugesund fkh sandefjord aalesund aafk bodøglimt glimt tromsø til start ikstart hamkam kfum kfumoslo
stabæk lyn lynoslo fredrikstadfk ranheim sogndal jerv raufoss kongsvinger mjøndalen åsane skeid
liverpool arsenal chelsea manchester manutd united city tottenham barcelona realmadrid juventus
kjæreste kjærlighet elsker elskerdeg glad lykkelig familie mamma pappa mormor morfar farmor farfar
bestemor bestefar barna ungene sønn datter bror søster hjem hjemme
hund katt hest pus pusur pusen tussi bamse rex fido passopp kosebamse
qwertyuiop qwertyuiopå asdfghjkl asdfghjklæø zxcvbnm æøå åøæ qwerty asdf
ola kari nordmann olanordmann karinordmann
jan per bjørn ole lars kjell knut arne svein thomas hans geir tor morten terje odd erik martin andreas
john rune trond anders tore jon harald espen stein jørgen kristian magnus daniel jonas sander mathias
henrik markus tobias kristoffer alexander fredrik eirik sindre even vegard håkon sigurd olav øystein
emil noah oliver filip william lucas liam jakob isak aksel oskar elias theodor ludvig johannes mohammad
anne inger kari marit ingrid liv eva berit astrid bjørg hilde anna solveig marianne randi ida nina
maria elisabeth kristin bente heidi silje hanne tone camilla karin ellen grete turid wenche sissel
gunn mette monica tove lene linda kristine julie sara emilie thea ingvild maren hanna marte line
emma nora sofie olivia ella leah frida maja sofia ingeborg selma vilde amalie tiril aurora jenny
""".split()


def letters_only(word: str) -> str:
    return re.sub(r"[^a-zæøå]", "", unicodedata.normalize("NFC", word.lower()))


def build() -> list[str]:
    from wordfreq import top_n_list

    seen, out = set(), []
    for word in HAND + top_n_list("nb", WORDFREQ_WORDS * 2):
        word = letters_only(word)
        if len(word) >= 3 and word not in seen:
            seen.add(word)
            out.append(word)
        if len(out) >= len(HAND) + WORDFREQ_WORDS:
            break
    return out


if __name__ == "__main__":
    words = build()
    header = [
        "# Norwegian words, names and patterns that are guessed first as passwords.",
        "# Built by accounts/data/build_common_passwords.py (sources named there); one word per line,",
        "# lower case, letters only. The check compares a password with its digits and signs taken away.",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")
