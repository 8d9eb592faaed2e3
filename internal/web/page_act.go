package web

import (
	"errors"
	"net/http"
	"strconv"
)

// actOn runs a step posted from the page of a record under prefix
// (/tickets/, /foia/, /incidents/): the form is read, do takes the
// record's id; done, it is back to the page with the flash doneKey;
// refused (*RulesInputError), the page again through again with the
// problems and 422.
func (h *Handler) actOn(w http.ResponseWriter, r *http.Request, prefix, doneKey string, do func(id int64) error,
	again func(http.ResponseWriter, *http.Request, int, []string)) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = do(id)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", doneKey)
		redirect(w, r, prefix+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		again(w, r, http.StatusUnprocessableEntity, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}
