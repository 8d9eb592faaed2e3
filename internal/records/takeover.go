package records

import (
	"time"

	"github.com/duban/duban/internal/authz"
)

// Takeover is a task's 提级督办: a higher office took over its
// supervision (分级督查). Units are the taker's account's unit binding at
// reading time, its level: none is the city.
type Takeover struct {
	TaskID      int64     `json:"task_id"`
	UserID      int64     `json:"user_id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Units       []int64   `json:"units"`
	At          time.Time `json:"at"`
}

// Admits reports whether p is at the taker's level or above and so still
// supervises the task: the city's office (no scope) always; a bound
// office when the taker's units all lie in p's subtree.
func (tk *Takeover) Admits(p authz.Principal) bool {
	if p.Scope == nil {
		return true
	}
	if len(tk.Units) == 0 {
		return false
	}
	for _, u := range tk.Units {
		if !p.InScope([]int64{u}) {
			return false
		}
	}
	return true
}
