package webdeps

import (
	"fmt"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/web"
)

// supervisionError translates the supervision and portal services'
// refusals for the pages: forbidden, and a refusal keyed as a whole
// (error.issued_today, error.task_state) at the top of the form; the
// rest as pageError does. It goes once pageError reads every fault.Error
// generically.
func supervisionError(err error) error {
	e := fault.As(err)
	switch {
	case e == nil:
	case e.Code == fault.Forbidden:
		return fmt.Errorf("%w: %v", web.ErrForbidden, err)
	case e.Key != "" && len(e.Fields) == 0 && e.Code != fault.NotFound:
		return &web.ValidationError{Fields: map[string]string{"": e.Key}}
	}
	return pageError(err, "", "")
}
