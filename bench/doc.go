// Package bench holds Kanal's speed measurements: the benchmarks whose
// ratios BENCHMARKS.md records. They measure the real code on the real
// engines; run them with
//
//	go test ./bench -run '^$' -bench . -benchtime 3s
//
// and with KANAL_TEST_DB=postgres://… to measure PostgreSQL in the same run.
package bench
