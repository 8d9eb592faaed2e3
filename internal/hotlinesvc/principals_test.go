package hotlinesvc

import "github.com/duban/duban/internal/authz"

// office is the centre that dispatches tickets; liaison answers for units.
var office = authz.Principal{UserID: 1, Username: "jiexian", Role: authz.Office}

func liaison(units ...int64) authz.Principal {
	return authz.Principal{UserID: 2, Username: "unit", Role: authz.Liaison, Units: units}
}
