package authz

// SeesPersonalData reports whether p may see a citizen's personal data
// unmasked: a 12345 caller's name, phone and e-mail, an 依申请公开
// applicant's name, ID number, phone, e-mail and address.
//
// It is the one place that decides it, because it was decided in five
// (two pages, two API views, a form pre-filled from a ticket) and each
// copy could drift. Only the office sees them: it takes the calls, makes
// the return visits and sends the replies, so it must reach the person.
// A unit handles the matter and a leader reads it without needing to know
// who asked (个人信息保护法: only what the purpose needs). The rule is the
// role, not an action such as FOIAHandle: who may act on a request is a
// separate question from whom the person's data is shown to, and the two
// must not come apart when grants change. The services (hotlinesvc,
// foiasvc) ask here and return records already masked to everyone else;
// the pages and the API only display what they get.
func SeesPersonalData(p Principal) bool { return p.Role == Office }
