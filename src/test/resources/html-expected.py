# Independent count of in-text citations from the raw HTML (regexes, no DOM), per page.
import re,sys,html,os
# the repository's corpus/publisher-html, found from this script's own place (src/test/resources)
D=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','corpus','publisher-html','')
def region(s, start, end):
    i = s.find(start); j = s.find(end, i+1)
    assert i >= 0 and j > i, (start, end, i, j)
    return s[i:j]
def expand(text, ids):
    return ids
pages = {
 # file: (body start marker, body end marker, anchor regex with group(1)=targets, group(2)=text, ref-entry regex)
 'bmc__1471-2148-14-70.html': ('<h3>Background</h3>', '<h3>References</h3>', r'<a onclick="LoadInParent\(\'#B\d+\'\); return false;" href="#(B\d+)">([^<]*)</a>', r'<li id="B\d+">'),
 'hindawi__801626.html': ('1. Introduction', '<h4>References</h4>', r'<a href="#(B\d+)">([^<]*)</a>', r'<li><a name="B\d+"|<li id="B\d+"'),
 'mdpi__04-00932.html': ('1. Introduction', 'References</h2>', r'<a title="" href="#(B\d+-metabolites-04-00932)" class="html-bibr">([^<]*)</a>', r'<li id="B\d+-metabolites-04-00932"'),
 'plosone__journal.pone.0115884.html': ('<h3>Introduction</h3>', '<h3>References</h3>', r'<a href="#(pone\.0115884-[A-Za-z]+\d+)">([^<]*)</a>', r'<a name="pone\.0115884-[A-Za-z]+\d+"'),
 'elife__e04407.html': ('<h2 class="">Introduction</h2>', '>References</h2>', r'<a id="xref-ref-\d+-\d+" class="xref-bibr" href="#(ref-\d+)">([^<]*)</a>', r'<meta name="citation_reference"'),
 'rs__rsos.160123.html': ('<h2 class="">1. Introduction</h2>', '<div class="section ref-list"', r'<a id="xref-ref-\d+-\d+" class="xref-bibr" href="#(ref-\d+)">([^<]*)</a>', r'<meta name="citation_reference"'),
 'springer__s40643-016-0099-3.html': ('>Background</h2>', 'id="Bib1"', r'<a href="#(CR\d+)">([^<]*)</a>', r'<li class="Citation"><div class="CitationNumber">|id="CR\d+"'),
 'tf__20550308.2015.1135230.html': ('<h2 id="_i4">Introduction</h2>', '<h2 id="_i24">References</h2>', r'<a class="dropDownLabel" href="#(CIT\d+(?: CIT\d+)*)"><sup>([^<]*)</sup></a>', r'<li id="CIT\d+"'),
 'wiley__advs.201500314.html': ('id="fulltext"', 'id="advs201500314-bibl-0001"', r'<a href="#[^"]*" class="referenceLink" title="[^"]*" rel="references:([^"]*)">([^<]*)</a>', r'<li id="advs201500314-bib-\d+"'),
 'frontiers__fpsyg-05-01582.html': ('<h2>Introduction</h2>', '<div class="References">', r'<a href="#(B\d+)">([^<]*)</a>', r'<p class="ReferencesCopy1"><a name="B\d+"'),
 'f1000research__3-305.html': ('id="d6561e191">Introduction</h2>', 'id="d6874">References</h2>', r'<a href="#(ref-\d+)">([^<]*)</a>', r'<a name="ref-\d+" class="n-a">'),
 'peerj__727.html': ('<h2 class="heading">Introduction</h2>', '<h2>References</h2>', r'<a [^>]*class="xref xref-bibr"[^>]*data-jats-rid="(ref-\d+)">([^<]*)</a>', r'<li class="ref">'),
 'iop__224009.html': ('id="cmaa04aes1"', '<h2 id="references">References</h2>', r'<a [^>]*class="cite hastip" href="#(cmaa04aebib\d+)"[^>]*>([^<]*)</a>', r'<meta name="citation_reference"'),
}
for f,(a,b,anc,ref) in pages.items():
    s=open(D+f,encoding='utf-8').read()
    body=region(s,a,b)
    # tooltips/pop-ups copied into the body do not hold anchors of this pattern; scripts are dropped
    body=re.sub(r'<script.*?</script>','',body,flags=re.S)
    ms=list(re.finditer(anc,body))
    ids=[]
    prev=None
    for m in ms:
        t=m.group(1)
        between = re.sub(r'<[^>]+>','',body[prev.end():m.start()]) if prev else None
        cur=t.replace('#',' ').split()
        if prev is not None and re.fullmatch(r'\s*[-–]\s*', between or 'x') and len(cur)==1:
            a=re.match(r'(.*?)(\d+)$', ids[-1]); b=re.match(r'(.*?)(\d+)$', cur[0])
            if a and b and a.group(1)==b.group(1) and int(b.group(2))>int(a.group(2)):
                w=len(b.group(2))
                for k in range(int(a.group(2))+1, int(b.group(2))+1):
                    ids.append(a.group(1)+str(k).zfill(w) if b.group(2).startswith('0') else a.group(1)+str(k))
                prev=m; continue
        ids.extend(cur)
        prev=m
    nref=len(re.findall(ref,s))
    print(f + "\t" + str(nref) + "\t" + str(len(ms)) + "\t" + str(len(ids)) + "\t" + ",".join(ids))
