package i18n

import (
	"context"
	"net/http"

	"golang.org/x/text/language"
)

// CookieName is the cookie that remembers a person's language choice.
const CookieName = "lang"

// QueryParam is the URL parameter of the language switch (?lang=zh-TW).
const QueryParam = "lang"

// Localizer renders catalogue messages in one language. A request gets one,
// chosen once by FromRequest, and hands it to whatever writes text.
type Localizer struct {
	lang Lang
}

// New returns a Localizer for lang, or for Default if lang is unsupported.
func New(lang Lang) Localizer {
	if _, ok := catalogs[lang]; !ok {
		lang = Default
	}
	return Localizer{lang: lang}
}

// Lang is the language the Localizer speaks.
func (l Localizer) Lang() Lang {
	if l.lang == "" {
		return Default
	}
	return l.lang
}

// T returns the message for key with {name} placeholders filled from the
// name/value pairs in args.
func (l Localizer) T(key string, args ...any) string {
	return Lookup(l.Lang(), key, args...)
}

// matcher maps any Accept-Language tag to the nearest catalogue. CLDR data
// make zh-HK and zh-Hant land on zh-TW, and zh, zh-SG and zh-Hans on zh-CN.
var matcher = language.NewMatcher([]language.Tag{
	language.SimplifiedChinese,  // matchLangs[0], also the fallback
	language.TraditionalChinese, // matchLangs[1]
})

// matchLangs is the catalogue for each of matcher's tags, by index.
var matchLangs = []Lang{ZhCN, ZhTW}

// FromRequest chooses the language for r: an explicit ?lang= wins, then
// the remembered cookie, then the browser's Accept-Language, then Default.
// The second result reports whether the choice came from ?lang=, in which
// case the caller should remember it with Cookie.
func FromRequest(r *http.Request) (Localizer, bool) {
	if l, ok := Parse(r.URL.Query().Get(QueryParam)); ok {
		return New(l), true
	}
	if c, err := r.Cookie(CookieName); err == nil {
		if l, ok := Parse(c.Value); ok {
			return New(l), false
		}
	}
	return New(fromAcceptLanguage(r.Header.Get("Accept-Language"))), false
}

func fromAcceptLanguage(header string) Lang {
	if header == "" {
		return Default
	}
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return Default
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return Default
	}
	return matchLangs[idx]
}

// Cookie is the cookie that remembers lang for a year. It is not HttpOnly
// secret material, but nothing in the page needs to read it either.
func Cookie(lang Lang) *http.Cookie {
	return &http.Cookie{
		Name:     CookieName,
		Value:    string(lang),
		Path:     "/",
		MaxAge:   365 * 24 * 3600,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	}
}

type ctxKey struct{}

// WithLocalizer returns a copy of ctx carrying l.
func WithLocalizer(ctx context.Context, l Localizer) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// FromContext returns the Localizer stored by WithLocalizer, or one for
// Default when there is none, so callers never need to check.
func FromContext(ctx context.Context) Localizer {
	if l, ok := ctx.Value(ctxKey{}).(Localizer); ok {
		return l
	}
	return New(Default)
}

// Code returns the catalogue's name for a code of the domain (a ticket
// state, a reply type): the message group+"."+code, or fallback, the
// domain's own zh-CN label, when the catalogue has none. Codes are never
// shown to people; this is how a page names them.
func (l Localizer) Code(group, code, fallback string) string {
	key := group + "." + code
	if !Has(key) {
		return fallback
	}
	return l.T(key)
}
