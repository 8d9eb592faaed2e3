package hotline

import "time"

// Outcome is what one ticket routed to a unit says about it.
type Outcome struct {
	Unit      int64
	Assigned  time.Time
	Signed    time.Time // zero: never signed for
	SignHours int       // the limit for signing
	Visited   bool      // a return visit was made
	Verdict   Satisfaction
	Resolved  bool // the caller said the problem was solved
}

// Rates are a unit's 三率 over a period: 响应率 (signed for in time, of
// the tickets routed to it), 解决率 (solved, of those visited) and 满意率
// (satisfied or fairly satisfied, of those visited), each 0–1.
type Rates struct {
	Unit                                    int64
	Tickets, OnTime, Visited, Solved, Liked int
	Response, Resolution, Satisfaction      float64
}

// ThreeRates computes each unit's 三率 from the outcomes of its tickets.
func ThreeRates(outcomes []Outcome) map[int64]Rates {
	out := map[int64]Rates{}
	for _, o := range outcomes {
		r := out[o.Unit]
		r.Unit = o.Unit
		r.Tickets++
		if !o.Signed.IsZero() && !o.Signed.After(o.Assigned.Add(time.Duration(o.SignHours)*time.Hour)) {
			r.OnTime++
		}
		if o.Visited {
			r.Visited++
			if o.Resolved {
				r.Solved++
			}
			if o.Verdict == Satisfied || o.Verdict == FairlySatisfied {
				r.Liked++
			}
		}
		out[o.Unit] = r
	}
	for u, r := range out {
		r.Response = ratio(r.OnTime, r.Tickets)
		if r.Visited > 0 {
			r.Resolution, r.Satisfaction = ratio(r.Solved, r.Visited), ratio(r.Liked, r.Visited)
		}
		out[u] = r
	}
	return out
}

// SatisfactionRates are the 满意率 of the units whose callers were
// visited, as assessment's public-satisfaction part takes them.
func SatisfactionRates(rates map[int64]Rates) map[int64]float64 {
	out := map[int64]float64{}
	for u, r := range rates {
		if r.Visited > 0 {
			out[u] = r.Satisfaction
		}
	}
	return out
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
