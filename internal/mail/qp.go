package mail

import (
	"mime/quotedprintable"
	"strings"
)

// quotedPrintable encodes a plain-text body with CRLF line ends.
func quotedPrintable(body string) string {
	var b strings.Builder
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")))
	w.Close()
	return b.String()
}
