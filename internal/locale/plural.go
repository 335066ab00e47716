package locale

// Plural formats the form of key that agrees with the count n: key+".one"
// for exactly one, key+".other" for every other count. Danish and English
// agree on when a noun is singular (1 område, 1 area; 0 and 2 take the
// plural), so two forms serve both.
func (p Printer) Plural(key string, n int64, args ...any) string {
	if n == 1 {
		return p.T(key+".one", args...)
	}
	return p.T(key+".other", args...)
}

// Count writes n, with the language's thousands separator, and the noun of
// key in the number that agrees with it: "1 henvendelse", "12.345
// henvendelser".
func (p Printer) Count(key string, n int64) string {
	return p.Plural(key, n, p.Int(n))
}
