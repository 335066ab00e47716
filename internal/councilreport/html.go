package councilreport

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
)

//go:embed templates
var files embed.FS

var (
	page = template.Must(template.New("report.html").Funcs(template.FuncMap{
		"inc": func(i int) int { return i + 1 },
	}).ParseFS(files, "templates/report.html"))
	style = template.CSS(mustRead("templates/report.css"))
)

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return string(b)
}

// StyleHash is the Content-Security-Policy source that allows the report's
// own stylesheet: the HTML is one self-contained file, so its style is
// inline.
func StyleHash() string {
	sum := sha256.Sum256([]byte(style))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// WriteHTML writes the report as one self-contained HTML document, charts
// as SVG with the table of their numbers after each.
func WriteHTML(w io.Writer, doc Document) error {
	var buf bytes.Buffer
	err := page.Execute(&buf, struct {
		Document
		Style template.CSS
	}{doc, style})
	if err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}
