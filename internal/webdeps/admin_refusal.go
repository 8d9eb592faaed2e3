package webdeps

import (
	"fmt"
	"maps"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/web"
)

// refusal turns administration's coded refusals into the pages' errors:
// the keys at their fields, or the whole form's key, for the form to
// show; forbidden, not found and signed out as the pages answer them.
// Anything else goes through pageError.
//
// It is the generic reading of fault.Error that pageError is to learn;
// once it has, this goes.
func refusal(err error) error {
	e := fault.As(err)
	if e == nil {
		return pageError(err, "", "")
	}
	switch {
	case e.Code == fault.Unauthenticated:
		return fmt.Errorf("%w: %v", web.ErrSignedOut, err)
	case e.Code == fault.Forbidden:
		return fmt.Errorf("%w: %v", web.ErrForbidden, err)
	case e.Code == fault.NotFound:
		return fmt.Errorf("%w: %v", web.ErrNotFound, err)
	case len(e.Fields) > 0:
		return &web.ValidationError{Fields: maps.Clone(e.Fields)}
	case e.Key != "":
		return &web.ValidationError{Fields: map[string]string{"": e.Key}}
	}
	return pageError(err, "", "")
}
