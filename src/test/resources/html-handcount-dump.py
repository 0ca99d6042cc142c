"""Plain visible text of a publisher page, as a reader sees it: script/style/noscript/head dropped,
block elements on their own lines, <sup> written as ^{...} so superscript markers stay visible."""
import sys
from html.parser import HTMLParser

SKIP = {"script", "style", "noscript", "head", "svg", "template"}
BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "table", "ul", "ol",
         "figcaption", "caption", "dt", "dd", "blockquote", "header", "footer", "nav", "article", "aside"}

class Dumper(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.out = []
    def handle_starttag(self, tag, attrs):
        if tag in SKIP: self.skip += 1
        elif tag in BLOCK: self.out.append("\n")
        elif tag == "sup": self.out.append("^{")
        if tag in ("h1","h2","h3","h4","h5","h6"): self.out.append("#" * int(tag[1]) + " ")
    def handle_endtag(self, tag):
        if tag in SKIP: self.skip = max(0, self.skip - 1)
        elif tag in BLOCK: self.out.append("\n")
        elif tag == "sup": self.out.append("}")
    def handle_startendtag(self, tag, attrs):
        if tag == "br": self.out.append("\n")
    def handle_data(self, data):
        if not self.skip: self.out.append(data.replace("\n", " "))

d = Dumper()
d.feed(open(sys.argv[1], encoding="utf-8", errors="replace").read())
lines = [" ".join(l.split()) for l in "".join(d.out).split("\n")]
print("\n".join(l for l in lines if l))
