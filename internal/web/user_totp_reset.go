package web

import "net/http"

// userTOTPReset takes away an account's second factor, for a holder who
// lost the phone and the recovery codes.
func (h *Handler) userTOTPReset(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Users.ResetTOTP(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserRow(w, r, id, "users.totp_reset_done")
}
