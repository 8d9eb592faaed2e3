package api

import (
	"mime"
	"net/http"

	"github.com/duban/duban/internal/httpauth"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// foiaLetter downloads the reply letter (政府信息公开申请答复书) of a
// concluded request as .docx. The service gives it only to whoever
// handles requests and sees personal data: the letter names the
// applicant. Before the reply there is no letter: 409.
func (h *Handler) foiaLetter(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	data, name, err := h.FOIA.Letter(r.Context(), p, httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", docxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store") // personal data: not kept by the browser or a proxy
	w.Write(data)
}
