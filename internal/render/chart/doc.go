// Package chart draws accessible charts as inline SVG: stacked columns,
// lines against targets and horizontal bars, from numbers that the caller
// has already fetched, for html/template to embed. Package pdf draws the
// same chart specs, with their axes, ticks and palette, in a PDF.
//
// The charts are for printing and for screen readers as much as for the
// screen, so each one is an <svg role="img"> named by its <title> and
// <desc>, uses a palette with enough contrast against white, needs no
// JavaScript, no stylesheet and no external resource, and renders the same
// bytes for the same input so that reports and their tests are stable. The
// page puts the data table beside the chart; the chart is not the only way
// to read the numbers.
//
// The package is pure: no database, no clock, no HTTP.
package chart
