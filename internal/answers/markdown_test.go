package answers

import (
	"strings"
	"testing"
)

func TestRender_TheSubsetAsHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs split at an empty line, lines joined", "Første linje\nanden linje\n\nNyt afsnit",
			"<p>Første linje anden linje</p>\n<p>Nyt afsnit</p>\n"},
		{"heading of three hashes is the level below the page's title", "### Hvad koster det?\nIntet.",
			"<h2>Hvad koster det?</h2>\n<p>Intet.</p>\n"},
		{"bold", "Det er **gratis** for alle", "<p>Det er <strong>gratis</strong> for alle</p>\n"},
		{"a lone pair of stars stays text", "2 ** 3", "<p>2 ** 3</p>\n"},
		{"bullet list with both markers", "- MitID\n* NemID-nøglekort", "<ul>\n<li>MitID</li>\n<li>NemID-nøglekort</li>\n</ul>\n"},
		{"numbered list", "1. Log ind\n2. Udfyld", "<ol>\n<li>Log ind</li>\n<li>Udfyld</li>\n</ol>\n"},
		{"https link", "Se [borger.dk](https://www.borger.dk/a?b=1&c=2)",
			`<p>Se <a href="https://www.borger.dk/a?b=1&amp;c=2">borger.dk</a></p>` + "\n"},
		{"mailto link", "[Skriv](mailto:borger@dragoer.dk)", `<p><a href="mailto:borger@dragoer.dk">Skriv</a></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Render(tt.src)); got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if p := Check(tt.src); len(p) != 0 {
				t.Errorf("Check found %v", p)
			}
		})
	}
}

func TestRender_HostileInputNeverBecomesMarkup(t *testing.T) {
	tests := []struct {
		name, src string
		// refused is the line Check names, 0 when the input is only text.
		refused int
		want    string
	}{
		{"script tag", `<script>alert(1)</script>`, 0, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"raw HTML attribute", `<img src=x onerror=alert(1)>`, 0, "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"},
		{"javascript link", "ok\n[klik](javascript:alert(1))", 2, "<p>ok klik)</p>\n"},
		{"javascript link in upper case", "[klik](JaVaScRiPt:alert(1))", 1, "<p>klik)</p>\n"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", 1, "<p>x</p>\n"},
		{"plain http link", "[x](http://example.com)", 1, "<p>x</p>\n"},
		{"relative link", "[x](/admin)", 1, "<p>x</p>\n"},
		{"protocol-relative link", "[x](//evil.example)", 1, "<p>x</p>\n"},
		{"quote breaking out of the attribute", `[x](https://a.dk/"onmouseover="alert(1))`, 0,
			`<p><a href="https://a.dk/&#34;onmouseover=&#34;alert(1">x</a>)</p>` + "\n"},
		{"markup in a link's text", "[<b>x</b>](https://a.dk)", 0, `<p><a href="https://a.dk">&lt;b&gt;x&lt;/b&gt;</a></p>` + "\n"},
		{"markup in a heading", "### <i>x</i>", 0, "<h2>&lt;i&gt;x&lt;/i&gt;</h2>\n"},
		{"entity", "&lt;script&gt;", 0, "<p>&amp;lt;script&amp;gt;</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Render(tt.src))
			if got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			for _, bad := range []string{"<script", "<img", "javascript:", "data:"} {
				if strings.Contains(strings.ToLower(got), bad) {
					t.Errorf("Render(%q) = %q holds %q", tt.src, got, bad)
				}
			}
			p := Check(tt.src)
			switch {
			case tt.refused == 0 && len(p) != 0:
				t.Errorf("Check(%q) = %v, want nothing", tt.src, p)
			case tt.refused != 0 && (len(p) != 1 || p[0].Line != tt.refused || p[0].Key != "answers.error.link"):
				t.Errorf("Check(%q) = %v, want the link refused at line %d", tt.src, p, tt.refused)
			}
		})
	}
}

func FuzzRender_NoTagButTheSubsets(f *testing.F) {
	for _, s := range []string{"<script>", "[a](javascript:x)", "**a**", "### h\n- a\n1. b", `[a](https://x.dk/"><script>)`} {
		f.Add(s)
	}
	allowed := []string{"<p>", "</p>", "<h2>", "</h2>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<strong>", "</strong>", "</a>"}
	f.Fuzz(func(t *testing.T, src string) {
		out := string(Render(src))
		for i := 0; i < len(out); i++ {
			if out[i] != '<' {
				continue
			}
			ok := false
			for _, tag := range allowed {
				if strings.HasPrefix(out[i:], tag) {
					ok = true
				}
			}
			if strings.HasPrefix(out[i:], `<a href="https://`) || strings.HasPrefix(out[i:], `<a href="mailto:`) {
				ok = true
			}
			if !ok {
				t.Fatalf("Render(%q) has a tag the subset does not make at %d: %q", src, i, out[i:])
			}
		}
	})
}

func TestPlainText_KeepsWordsAndLinkTexts(t *testing.T) {
	got := strings.Join(strings.Fields(PlainText("### Pris\nDet er **gratis**. Se [borger.dk](https://borger.dk)\n- MitID")), " ")
	if want := "Pris Det er gratis. Se borger.dk MitID"; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}
