package webdeps

import (
	"errors"
	"testing"

	"github.com/duban/duban/internal/web"
)

// TestSubtaskInputs: the form's rows become the service's input; a unit
// or a weight that is not a number is refused at its row, as sent.
func TestSubtaskInputs(t *testing.T) {
	in, err := subtaskInputs([]web.SubtaskRow{{Title: "起草", Unit: "3", Due: "2026-06-30", Weight: "2.5"}, {Title: "实施", Unit: "4", Due: "2026-09-30"}})
	if err != nil || len(in) != 2 || in[0].UnitID != 3 || *in[0].Weight != 2.5 || in[1].Weight != nil || in[1].Due != "2026-09-30" {
		t.Fatalf("subtaskInputs = %+v, %v", in, err)
	}
	_, err = subtaskInputs([]web.SubtaskRow{{Title: "a", Unit: "3"}, {Title: "b", Unit: "x", Weight: "多"}})
	var ve *web.ValidationError
	if !errors.As(err, &ve) || ve.Fields["subtasks.2.unit"] != "subtasks.error.unit_unknown" || ve.Fields["subtasks.2.weight"] != "subtasks.error.weight" || len(ve.Fields) != 2 {
		t.Errorf("bad numbers = %v", err)
	}
}
