// Package table holds the table that pages, downloads and PDFs share — a
// caption, a header, rows of cells with the number behind each, a totals
// row and notes — and writes it for download as CSV and as an Excel
// workbook (XLSX).
//
// Spreadsheet programs run a cell that begins with = + - @ (or a tab or
// carriage return) as a formula, so every CSV cell that does is
// neutralised with a leading apostrophe.
package table
