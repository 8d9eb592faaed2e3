// Package i18n is duban's message catalogue. Every string a person reads on
// a page comes from here, looked up by key, so that wording is edited in one
// place and a second rendering (traditional characters for zh-TW) needs no
// code. zh-CN is the source language; zh-TW is kept key-for-key in step with
// it, which a test enforces.
//
// Messages may hold {name} placeholders, filled from name/value pairs:
//
//	i18n.Lookup("zh-CN", "users.created", "name", "张三")
//
// Code that validates input returns keys, never sentences, so that the
// sentence a person reads is always the catalogue's, in their language.
//
// The catalogues are locales/<lang>.json, flat key → message maps embedded
// in the binary. zh-TW was drafted from zh-CN with OpenCC's s2twp
// dictionaries and then corrected by hand for Taiwan usage (登出, 帳號,
// 類型, 「」 quotes); a new message is added to both files at once.
package i18n
