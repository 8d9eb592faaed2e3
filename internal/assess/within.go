package assess

// Within is the result for the units keep admits only — one group's
// ranking (县市区, 市直部门): each unit keeps its score, and the ranked
// units are placed 1..n among themselves, equal totals sharing a place as
// in the whole ranking (1, 2, 2, 4). The order is the whole ranking's.
func (r Result) Within(keep func(unitID int64) bool) Result {
	out := Result{Period: r.Period, AsOf: r.AsOf, Scores: []Score{}}
	ranked := 0
	for _, s := range r.Scores {
		if !keep(s.UnitID) {
			continue
		}
		if s.Rank > 0 {
			ranked++
			prev := len(out.Scores) - 1
			if prev >= 0 && out.Scores[prev].Rank > 0 && out.Scores[prev].Total == s.Total {
				s.Rank = out.Scores[prev].Rank
			} else {
				s.Rank = ranked
			}
		}
		out.Scores = append(out.Scores, s)
	}
	return out
}

// Within is the input about the units keep admits only: those units,
// the tasks one of them shares in (with every share, so a task reads as
// it is), the events of those tasks, the records and rates of those
// units. A group's 通报 is built from it.
func (in Input) Within(keep func(unitID int64) bool) Input {
	out := Input{}
	for _, u := range in.Units {
		if keep(u.ID) {
			out.Units = append(out.Units, u)
		}
	}
	tasks := map[int64]bool{}
	for _, t := range in.Tasks {
		for _, s := range t.Units {
			if keep(s.UnitID) {
				out.Tasks = append(out.Tasks, t)
				tasks[t.ID] = true
				break
			}
		}
	}
	for _, e := range in.Events {
		if tasks[e.TaskID] {
			out.Events = append(out.Events, e)
		}
	}
	for _, r := range in.Records {
		if keep(r.UnitID) {
			out.Records = append(out.Records, r)
		}
	}
	if in.Rates != nil {
		out.Rates = map[int64]float64{}
		for u, v := range in.Rates {
			if keep(u) {
				out.Rates[u] = v
			}
		}
	}
	for u, t := range in.Tallies {
		if keep(u) {
			if out.Tallies == nil {
				out.Tallies = map[int64]*Tally{}
			}
			out.Tallies[u] = t
		}
	}
	if in.RateBasis != nil {
		out.RateBasis = map[int64]RateBasis{}
		for u, v := range in.RateBasis {
			if keep(u) {
				out.RateBasis[u] = v
			}
		}
	}
	return out
}
