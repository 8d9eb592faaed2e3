package api

import (
	"errors"
	"mime"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foiasvc"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// foiaLetter downloads the reply letter (政府信息公开申请答复书) of a
// concluded request as .docx. It is the office's alone, as on the pages:
// the letter names the applicant, whom a leader sees masked. Before the
// reply there is no letter: 409.
func (h *Handler) foiaLetter(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.foiaReady(w, r, authz.FOIAHandle); !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	data, name, err := h.FOIA.Letter(r.Context(), id)
	if errors.Is(err, foiasvc.ErrNotReplied) {
		var body apiError
		body.Error.Code, body.Error.Message = "not_replied", foiasvc.ErrNotReplied.Problems[0]
		writeJSON(w, http.StatusConflict, body)
		return
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", docxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store") // personal data: not kept by the browser or a proxy
	w.Write(data)
}
