package records

import "testing"

// TestMasked: a unit sees a hint of the caller, never enough to call
// them: a mobile's first three and last four digits, a landline's last
// two, a name's first character, an address's mailbox initial.
func TestMasked(t *testing.T) {
	m := Ticket{CallerName: "欧阳明", CallerPhone: "13900001111", CallerEmail: "ouyang@example.cn"}.Masked()
	if m.CallerName != "欧**" || m.CallerPhone != "139****1111" || m.CallerEmail != "o***@example.cn" {
		t.Errorf("mobile: %+v", m)
	}
	for in, want := range map[string]string{"87654321": "******21", "0208765432": "********32", "1234567": "*****67", "12": "**"} {
		if got := (Ticket{CallerPhone: in}).Masked().CallerPhone; got != want {
			t.Errorf("%s masked %s, want %s", in, got, want)
		}
	}
	if r := (FOIARequest{ApplicantIDNo: "440101199001011234", ApplicantAddr: "某路1号"}).Masked(); r.ApplicantIDNo != "440***********1234" || r.ApplicantAddr != "***" {
		t.Errorf("applicant: %+v", r)
	}
}
