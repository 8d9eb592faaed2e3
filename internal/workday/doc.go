// Package workday is China's official working-day calendar: the public
// holidays, the weekend days turned into working days to pay for them
// (调休上班), and arithmetic on working days — the n-th working day after a
// date or before it, and how many lie between two dates — with an
// explanation of every result, so that a computed deadline can show how it
// was reached.
//
// It is pure and data-driven. The State Council publishes each year's
// schedule (《国务院办公厅关于…年部分节假日安排的通知》) late in the year
// before, and has changed it mid-year (2019, 2020), so the schedule is data:
// the notices for 2007–2027 are embedded (Default), and at run time an
// administrator can load a new year (ParseNotice, ParseICS), correct a single
// day or add a locality's holidays (With). A day no notice lists follows the
// plain rule: Monday to Friday work, Saturday and Sunday rest.
//
// Dates are civil dates carried in time.Time at UTC midnight, the form the
// rest of duban uses for deadlines. Every date this package returns is at UTC
// midnight; a date passed in counts as the calendar date it has in its own
// location, so a clock reading in Asia/Shanghai may be passed as it is.
//
// A Calendar is immutable — With returns a new one — so one value may be
// shared by any number of goroutines without locking.
package workday
