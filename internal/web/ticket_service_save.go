package web

import (
	"net/http"
	"net/url"
)

// ticketServiceNew shows an empty category form; ?path= places the new
// category under a level of the tree.
func (h *Handler) ticketServiceNew(w http.ResponseWriter, r *http.Request) {
	form := TicketServiceForm{ServiceInput: ServiceInput{Type: "help", Active: true}}
	if p, ok := normalPath(r.URL.Query().Get("path")); ok && p != "" {
		form.Path = p + "/"
	}
	h.renderServiceForm(w, r, http.StatusOK, TicketServiceFormPage{IsNew: true, Form: form})
}

// ticketServiceEdit shows a category's form with its current values.
func (h *Handler) ticketServiceEdit(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Hotline.ServiceForm(r.Context(), r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderServiceForm(w, r, http.StatusOK, TicketServiceFormPage{Form: TicketServiceForm{ServiceInput: v.ServiceInput}})
}

// ticketServiceCreate adds a category.
func (h *Handler) ticketServiceCreate(w http.ResponseWriter, r *http.Request) {
	h.saveService(w, r, true, "")
}

// ticketServiceUpdate changes a category: a new path moves it, an
// unticked 启用 retires it.
func (h *Handler) ticketServiceUpdate(w http.ResponseWriter, r *http.Request) {
	h.saveService(w, r, false, r.PathValue("code"))
}

func (h *Handler) saveService(w http.ResponseWriter, r *http.Request, isNew bool, code string) {
	if !parseForm(w, r) {
		return
	}
	form := readServiceForm(r, isNew)
	if !isNew {
		form.Code = code
	}
	if !form.Errors.Any() {
		err := h.d.Hotline.SaveService(r.Context(), code, form.ServiceInput)
		if err == nil {
			key := "tickets.services.saved"
			if isNew {
				key = "tickets.services.created"
			}
			flash(w, r, "success", key, "name", form.Name)
			redirect(w, r, "/tickets/services#s-"+url.PathEscape(form.Code))
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.renderServiceForm(w, r, http.StatusUnprocessableEntity, TicketServiceFormPage{IsNew: isNew, Form: form})
}
