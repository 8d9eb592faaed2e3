package authz

import "testing"

// TestSeesPersonalData: the office alone, whatever else a role may do.
func TestSeesPersonalData(t *testing.T) {
	for _, r := range Roles {
		p := Principal{UserID: 1, Username: "u", Role: r, Units: []int64{7}}
		if got, want := SeesPersonalData(p), r == Office; got != want {
			t.Errorf("%s: SeesPersonalData = %v, want %v", r, got, want)
		}
	}
	if SeesPersonalData(Principal{}) {
		t.Error("nobody sees personal data")
	}
}

// TestPersonalDataViewIsItsOwn: the office holds PersonalDataView and no
// other role does, not even those that handle tickets or requests.
func TestPersonalDataViewIsItsOwn(t *testing.T) {
	for _, r := range Roles {
		p := Principal{UserID: 1, Role: r}
		if got := Allowed(p, PersonalDataView); got != (r == Office) {
			t.Errorf("%s: PersonalDataView = %v", r, got)
		}
		if Allowed(p, TicketHandle) && SeesPersonalData(p) {
			t.Errorf("%s handles tickets and sees the callers", r)
		}
	}
}
