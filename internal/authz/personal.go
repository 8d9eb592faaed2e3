package authz

// PersonalDataView is seeing a citizen's personal data unmasked: a 12345
// caller's name, phone and e-mail, an 依申请公开 applicant's name, ID
// number, phone, e-mail and address, and the numbers they wrote into
// their request. It is an action of its own, granted to the office
// alone, so that who may act on a matter (FOIAHandle, TicketDispatch)
// and who may see the person behind it are decided apart and cannot come
// apart by accident when grants change. Each service call that returns
// the data unmasked writes a pii.view audit entry.
const PersonalDataView Action = "personal.view"

// SeesPersonalData reports whether p may see a citizen's personal data
// unmasked (PersonalDataView).
//
// It is the one place that decides it, because it was decided in five
// (two pages, two API views, a form pre-filled from a ticket) and each
// copy could drift. The office sees them: it takes the calls, makes the
// return visits and sends the replies, so it must reach the person. A
// unit handles the matter and a leader reads it without needing to know
// who asked (个人信息保护法: only what the purpose needs). The services
// (hotlinesvc, foiasvc) ask here and return records already masked, by
// package pii, to everyone else; the pages and the API only display what
// they get.
func SeesPersonalData(p Principal) bool { return Allowed(p, PersonalDataView) }
