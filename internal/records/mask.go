package records

import "github.com/duban/duban/internal/pii"

// The stored fields of personal data are masked by package pii, the one
// masker, so that a field and a number written into a text are hidden
// alike wherever they are shown.
var (
	maskName  = pii.NameHint
	maskPhone = pii.PhoneHint
	maskEmail = pii.EmailHint
)
