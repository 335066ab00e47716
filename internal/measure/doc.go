// Package measure computes the management information from the inquiry
// counts: the totals and the shares, each by its definition; the targets
// with their trend and forecast; the cost by channel, each day priced by
// the strategy version in force on it (self-service by the area's SB
// level); the gross channel-shift potential per service area; comparisons
// between the municipalities of one installation; and the version history
// that says which version prices which days.
//
// Every measure is computed from rollup rows by Build, which is pure, so
// the same code computes the naive figures from raw rows that the tests
// and benchmarks compare with. Package dashboard lays the measures out as
// tables and charts; package councilreport writes the council's report
// from them.
package measure
