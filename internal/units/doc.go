// Package units matches the free-text unit names of imported plans
// (市法制办, 各县〔市、区〕政府) to the unit registry: exactly, through an
// alias, or else by suggesting the closest registered units for a person
// to choose. Chinese abbreviations keep their characters in order
// (市政府法制办公室 → 市法制办), so closeness is measured by the longest
// common subsequence. The package is pure.
package units
