package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/plandoc"
)

// reviewTaskSplit cuts a task in two before the sentence posted as at
// (SplitTask): the importer ran two items together. The new task follows
// it on the page. The service refuses a cut that is not one of
// plandoc.SplitPoints (before a bracketed note, inside brackets); the
// card offers only those.
func (h *Handler) reviewTaskSplit(w http.ResponseWriter, r *http.Request) {
	planID, taskID, ok := h.reviewIDs(w, r)
	if !ok {
		return
	}
	at, err := strconv.Atoi(field(r, "at"))
	if err != nil || at < 1 {
		h.reviewRefused(w, r, planID, &ValidationError{Fields: map[string]string{"at": "error.invalid"}}, placeOnCard(taskID, "split"))
		return
	}
	added, err := h.d.Plans.SplitTask(r.Context(), planID, taskID, at)
	if err != nil {
		h.reviewRefused(w, r, planID, err, placeOnCard(taskID, "split"))
		return
	}
	flash(w, r, "success", "review.task_split")
	redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", planID, added))
}

// SplitPart is the text of a task from one split point to the next; At
// is the sentence index (plandoc.Sentences) posted to cut before it.
type SplitPart struct {
	At   int
	Text string
}

// splitParts cuts text at its split points (plandoc.SplitPoints): a
// bracketed note stays in the part before it, and no cut is offered
// before it. A text with no split point gives nil: nothing to split.
func splitParts(text string) []SplitPart {
	points := plandoc.SplitPoints(text)
	if len(points) == 0 {
		return nil
	}
	sentences := plandoc.Sentences(text)
	out := make([]SplitPart, 0, len(points)+1)
	from := 0
	for _, p := range append(points, len(sentences)) {
		out = append(out, SplitPart{At: from, Text: strings.Join(sentences[from:p], "")})
		from = p
	}
	return out
}
