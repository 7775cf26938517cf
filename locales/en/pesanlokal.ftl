# Pesan Lokal — English (translated from the Indonesian reference). Polite, plain, short.
# HTML parse mode: only <b>, <i>, <code> tags; arguments arrive already escaped.

## Command menu (setMyCommands)
cmd-start = Start / main menu
cmd-bantuan = Help and list of commands
cmd-daftar = Register as a producer or OPD staff
cmd-profil = View your profile and account status
cmd-bahasa = Change language
cmd-batal = Cancel the current step
cmd-verifikasi = Review pending registrations

## Roles and statuses
role-producer = Producer (UMKM)
role-staff = OPD staff
role-admin = Admin
status-new = not registered
status-pending = awaiting admin verification
status-approved = verified
status-rejected = rejected
value-yes = Yes
value-no = No
value-none = —

## Start
start-greeting =
    Hello, { $name }! Welcome to <b>Pesan Lokal</b>.
    Here government offices (OPD) order snacks, catering and souvenirs from local producers, well ahead of their events.

    How would you like to register?
start-welcome-back =
    Hello again, { $name }! Your account: <b>{ $role }</b>, { $status }.
    Type /bantuan to see what you can do.
start-admin =
    Hello, { $name }! You are signed in as <b>admin</b>.
    Type /verifikasi to review pending registrations.
btn-role-producer = 🏭 Producer (UMKM)
btn-role-staff = 🏛 OPD staff
invite-invalid = This invitation link is invalid or has expired. You can still register the usual way.

## Registration: producer
reg-producer-intro = Great, let's register your business. There are 10 short questions. Type /batal at any time to stop.
reg-ask-business-name = What is your <b>business name</b>?
reg-ask-region = Which <b>regency/city</b> is your business in? A district name also works. Example: Samarinda, Kukar, Tenggarong.
reg-region-pick = Which one do you mean?
reg-region-not-found = Area “{ $input }” was not found. Try the name of a regency or city, for example: Samarinda.
reg-region-suggest = Area “{ $input }” was not found. Did you mean one of these?
reg-ask-categories = Choose your product <b>categories</b> (more than one is fine), then tap “Done”.
reg-categories-none = Please choose at least one category first.
reg-use-buttons = Please choose using the buttons.
reg-ask-products = List your <b>products</b>, separated by commas. Example: amplang, fish crackers, banana chips
reg-ask-capacity = How many can you <b>make in one day</b>? Type a number, for example 200.
reg-ask-lead-days = At least how many <b>days in advance</b> must orders come in? Example: 3
reg-ask-min-order = What is your <b>minimum order</b> (number of units)? Example: 20
reg-ask-halal = Are your products <b>halal certified</b>?
reg-ask-nib = Type your <b>NIB</b> (Business ID number, 13 digits). Don't have one yet? Tap “Skip”.
reg-ask-phone = Finally, share your <b>mobile number</b> using the button below.
reg-phone-use-button = Please tap the “📱 Share my number” button at the bottom of the screen.
reg-phone-not-own = Please share your own number, not someone else's contact.
reg-phone-not-mobile = That is not an Indonesian mobile number. Please share an active mobile number.
reg-phone-saved = Number saved. Thank you.
btn-done = ✔️ Done
btn-yes = ✅ Yes
btn-no = No
btn-skip = Skip
btn-share-contact = 📱 Share my number

## Registration: staff
reg-staff-intro = Great, let's register you as OPD staff. There are 3 short questions. Type /batal at any time to stop.
reg-staff-invite-intro = You have been invited as staff of <b>{ $office }</b> ({ $region }). Just one question.
reg-ask-full-name = What is your <b>full name</b>?
reg-ask-office = What is the name of your <b>office/OPD</b>? Example: Tourism Office
reg-ask-staff-region = Which <b>regency/city</b> is that office in?

## Summary and submission
reg-summary-producer =
    <b>Check your registration details</b>
    Business name: { $name }
    Area: { $region }
    Categories: { $categories }
    Products: { $products }
    Capacity per day: { $capacity }
    Order at least: { $lead } days in advance
    Minimum order: { $min_order }
    Halal: { $halal }
    NIB: { $nib }
    Mobile number: { $phone }

    Is this correct?
reg-summary-staff =
    <b>Check your registration details</b>
    Name: { $name }
    Office/OPD: { $office }
    Area: { $region }

    Is this correct?
btn-submit = ✅ Submit
btn-edit = ✏️ Edit
btn-cancel = ❌ Cancel
reg-edit-which = Which part would you like to change?
field-business-name = Business name
field-region = Area
field-categories = Categories
field-products = Products
field-capacity = Capacity
field-lead-days = Days in advance
field-min-order = Minimum order
field-halal = Halal
field-nib = NIB
field-phone = Mobile number
field-full-name = Name
field-office = Office/OPD
reg-submitted = Thank you! Your registration has been sent and is <b>awaiting admin verification</b>. We will let you know here.
reg-approved-by-invite = Thank you! Your account is <b>active right away</b> as staff of { $office }. Type /bantuan to get started.
reg-cancelled = Registration cancelled. Details that were not submitted have not been saved.
reg-already-pending = Your registration is being reviewed by an admin. Please wait; we will let you know here.
reg-already-approved = You are already registered as <b>{ $role }</b>. See /profil.
reg-admin-no-register = Admin accounts do not need to register.

## Input errors (the same question follows)
err-empty = The answer is empty.
err-too-short = Too short: at least { $min } characters.
err-too-long = Too long: at most { $max } characters.
err-no-letters = Please use letters, not only numbers or symbols.
err-not-number = Please type a number, for example 200.
err-negative = The number cannot be negative.
err-too-small = The smallest allowed number is { $min }.
err-too-large = The largest allowed number is { $max }.
err-too-many = At most { $max } products; you can add the rest later.
err-bad-nib = An NIB has 13 digits. Please check again, or tap “Skip”.
err-text-expected = Please answer with text.
err-phone-taken = This mobile number is already used by another producer. If it is your number, please contact the Disperindagkop (trade office) admin.
err-nib-taken = This NIB is already used by another producer. Please check again, or tap “Skip”.
err-role-taken = This account is already registered as { $role }. One Telegram account can have only one role.
err-generic = Sorry, something went wrong. Please try again in a moment.
stale-button = This button is no longer valid.
not-allowed = You are not allowed to do this.
admin-only = This command is for admins only.

## Verification (admins)
admin-card-producer =
    <b>New producer registration</b>
    Business name: { $name }
    Area: { $region }
    Categories: { $categories }
    Products: { $products }
    Capacity per day: { $capacity } · order { $lead } days in advance · minimum { $min_order }
    Halal: { $halal } · NIB: { $nib }
    Mobile number: { $phone }
admin-card-staff =
    <b>New OPD staff registration</b>
    Name: { $name }
    Office/OPD: { $office }
    Area: { $region }
btn-approve = ✅ Approve
btn-reject = ❌ Reject
admin-decided-approved = ✅ Approved by { $admin }.
admin-decided-rejected = ❌ Rejected by { $admin }.
admin-already-decided = Already decided: { $status }.
verify-none = There are no pending registrations.
verify-count = { $total } registrations are pending. Showing the { $shown } oldest:
btn-new-invite = 🔗 Create an OPD invitation link
invite-ask-office = Type the name of the <b>office/OPD</b> to invite. Example: Tourism Office
invite-ask-region = Which <b>regency/city</b> is that office in?
invite-created =
    Invitation link for <b>{ $office }</b> ({ $region }):
    { $link }

    Staff who register through this link are active right away. Valid for { $days } days.

## Decisions told to the user
decision-approved-producer = Congratulations! Your business <b>{ $name }</b> has been verified. From now on you can receive requests for quotation from OPDs.
decision-approved-staff = Congratulations! Your staff account has been verified. Type /bantuan to get started.
decision-rejected = We are sorry, your registration could not be approved yet. Please contact your local Disperindagkop (trade office), or correct your details via /daftar.

## Profile
profile-none = You are not registered yet. Type /daftar to register.
profile-producer =
    <b>{ $name }</b>
    Status: { $status }
    Area: { $region }
    Categories: { $categories }
    Products: { $products }
    Capacity per day: { $capacity } · order { $lead } days in advance · minimum { $min_order }
    Halal: { $halal } · NIB: { $nib }
    Mobile number: { $phone }
profile-staff =
    <b>{ $name }</b>
    Status: { $status }
    Office/OPD: { $office }
    Area: { $region }
profile-admin = You are a Pesan Lokal <b>admin</b>.

## Help
help-guest =
    <b>Pesan Lokal</b> connects government offices (OPD) with local producers.
    /daftar — register as a producer or OPD staff
    /profil — view your profile and status
    /bahasa — change language
    /batal — cancel the current step
help-producer =
    <b>Help for producers</b>
    /permintaan — quote requests waiting for your answer
    /pesanan — your orders
    /produk — add, change, remove products
    /libur — set days off
    /profil — view your business profile and status
    /daftar — update your business details
    /bahasa — change language
    /batal — cancel the current step
    Requests for quotation from OPDs will arrive here.
help-staff =
    <b>Help for OPD staff</b>
    /profil — view your profile and status
    /cari — find local producers, e.g. /cari kue talam samarinda
    /minta — ask for quotes, e.g. /minta 250 kotak snack tanggal 26 Maret di Samarinda
    /acara — plan an event weeks ahead, e.g. /acara rakor triwulan, 300 snack box, 26 Maret, Samarinda
    /permintaan — see the quotes received and choose producers
    /pesanan — follow orders until received
    /bahasa — change language
    /batal — cancel the current step
help-admin =
    <b>Help for admins</b>
    /verifikasi — review registrations and create OPD invitation links
    /siaran — send an announcement to producers and staff
    /cari — find local producers
    /profil — view your profile
    /bahasa — change language
    /batal — cancel the current step

## Language, cancel, fallbacks
lang-choose = Choose a language:
lang-changed = Language changed to English.
cancel-done = Cancelled.
cancel-nothing = There is no step in progress.
unknown-command = That command is not available yet. Type /bantuan for the list of commands.
idle-hint = Type /bantuan to see what you can do.

## Categories (PRODUCT.md §9)
cat-katering = Catering
cat-snack = Snacks & cakes
cat-oleh-oleh = Local specialties (oleh-oleh)
cat-minuman = Drinks
cat-merchandise = Merchandise
cat-kerajinan = Handicrafts
cat-fesyen = Fashion
cat-percetakan = Printing
cat-dekorasi = Decoration
btn-lang-id = 🇮🇩 Bahasa Indonesia
btn-lang-en = 🇬🇧 English

## Directory search (/cari)
cmd-cari = Find local producers
search-ask = What are you looking for? Type a product, e.g. <b>kue talam samarinda</b>, or pick a category:
search-staff-only = Producer search is for verified OPD staff.
search-header = Results for “{ $query }”: { $total } producers · page { $page }/{ $pages }
search-header-fuzzy = Nothing exactly matches “{ $query }”. Did you mean: { $total } producers · page { $page }/{ $pages }
search-filters = Filters: { $filters }
search-none = No producers found for “{ $query }”.
search-none-nearby = No producers for “{ $query }” in { $region }. There are some nearby:
search-none-categories = Try other words, or browse by category:
search-card =
    <b>{ $n }. { $name }</b>{ $badges }
    📍 { $region }
    🏷 { $categories }
    🧺 { $products }
    ⏱ order { $lead } days ahead · { $capacity } { $unit }/day · min. { $min_order }
    ⭐ { $rating } · { $finished } orders completed
search-badge-verified = ✅ verified
search-badge-halal = halal
search-no-rating = no reviews yet
search-filter-region = region { $region }
search-filter-category = category { $category }
search-filter-halal = halal only
search-filter-date = can deliver { $date }
search-pick-region = Choose a region:
search-pick-category = Choose a category:
search-ask-date = On what date do you need it? E.g. 26/3, 26 March, besok (tomorrow)
search-date-bad = I could not read that date. E.g. 26/3, 26 March, besok (tomorrow).
search-date-past = That date has passed. Please choose a date in the future.
search-expired = This search is no longer available. Please search again with /cari.
btn-prev = ◀ Previous
btn-next = Next ▶
btn-filter-region = 📍 Region
btn-filter-category = 🏷 Category
btn-filter-halal = Halal
btn-filter-halal-on = ✅ Halal
btn-filter-date = 📅 Date
btn-all-regions = All regions
btn-all-categories = All categories
btn-any-date = Any date
btn-back = ↩ Back
btn-profile = { $n }. View profile
btn-ask-quote = { $n }. Ask for a quote
profile-full =
    <b>{ $name }</b>{ $badges }
    📍 { $region }
    🏷 { $categories }
    ⏱ order { $lead } days ahead · { $capacity } { $unit }/day · min. { $min_order }
    ⭐ { $rating } · { $finished } orders completed

    <b>Products</b>
    { $products }
profile-product-line = • { $name }{ $details }
profile-product-price = from { $price }/{ $unit }
profile-gone = This producer is no longer available.

## Producer tools: /produk, /libur, linking an imported business
cmd-produk = Manage products
cmd-libur = Set days off
producer-only = This command is for verified producers.
catalogue-empty = No products yet. Add some so government offices can find your business.
catalogue-list =
    <b>Your products</b>
    { $list }
catalogue-line = { $n }. { $name }{ $details }
catalogue-min-order = min. { $count }
catalogue-lead-days = order { $days } days ahead
catalogue-has-photo = has a photo
btn-product-add = ➕ Add product
btn-product-edit = ✏️ { $n }
btn-product-remove = 🗑 { $n }
product-ask-name = What is the product called? E.g. Amplang ikan pipih
product-ask-price = Price from how much, per what? E.g. 25rb per bungkus. Press “Skip” if not fixed yet.
product-ask-min-order = Minimum order for this product? Press “Skip” to use your business minimum.
product-ask-lead-days = How many days ahead must this product be ordered? Press “Skip” to use your business rule.
product-ask-photo = Send one photo of the product, or press “Skip”.
product-photo-expected = Please send a photo, or press “Skip”.
product-saved = Product “{ $name }” saved; it can be found right away.
product-removed = Product “{ $name }” removed.
product-confirm-remove = Remove product “{ $name }”?
product-edit-which = What would you like to change about “{ $name }”?
btn-remove-yes = 🗑 Yes, remove
field-product-name = Name
field-price = Price
field-photo = Photo
err-price = I could not read that price. E.g. 25rb per bungkus, or Rp 25.000/kotak.
leave-none = No days off scheduled.
leave-list =
    <b>Scheduled days off</b>
    { $list }
leave-line = { $n }. { $from } – { $to }
leave-ask = Type your days off: one date (17 August) or a range (20/3 - 25/3). While off, your business does not appear in searches for those dates.
leave-saved = Days off { $from } – { $to } saved.
leave-ended = Days off ended. Your business appears in searches again.
leave-end-before-start = The end date cannot be before the start date.
leave-too-long = At most { $max } days at a time.
btn-leave-add = ➕ Add days off
btn-leave-end = End days off { $n }
btn-link-imported = 📱 My business is already listed by the trade office
link-ask = Share the phone number the trade office (Disperindagkop) has for you with the button below.
link-done = Business <b>{ $name }</b> was found and is now linked to this account. Type /produk to complete your products.
link-none = This number is not in the trade office's list yet. Please register with /daftar.

## Quote requests (/minta, /permintaan), quotes and orders (/pesanan)
cmd-minta = Request quotes from local producers
cmd-permintaan = View quote requests
cmd-pesanan = View orders
rq-staff-only = Quote requests are for verified OPD staff.
rq-ask-item = What do you need? E.g. snack box, nasi kotak, seminar kit
rq-ask-quantity = How many? E.g. 250 boxes
rq-ask-date = For which date? E.g. 26 March, 26/3, tomorrow
rq-ask-place = Which regency/city should it be delivered to? E.g. Samarinda
rq-ask-budget = What is the budget? E.g. 25rb per box, or 5 jt in total. Press “Skip” if there is none.
rq-not-understood = Sorry, I did not understand that request. E.g. /minta 250 boxes of snacks for a coordination meeting on 26 March in Samarinda, budget 25rb per box
rq-past-date = The date { $date } has already passed.
rq-invalid-date = That date does not exist on the calendar.
rq-weekday-clash = The weekday and the date do not match, so I have not used the date. Please write just the date, for example 26/3.
rq-zero-quantity = The quantity must be more than zero.
rq-quantity-too-large = That quantity is too large; please check it again.
rq-budget-unclear = The budget “{ $text }” is not clear: per unit or total? E.g. 25rb per box, or 5 jt in total.
rq-summary =
    <b>Quote request</b>
    Item: { $item }
    Quantity: { $quantity } { $unit }
    Date: { $date }
    Place: { $place }
    Budget: { $budget }
    Halal: { $halal }
rq-budget-per-unit = { $amount } per { $unit }
rq-budget-total = { $amount } in total
rq-verdict-alone = It will be sent to { $count } producers who can make it. Quote deadline: { $deadline }.
rq-verdict-split = <b>Too much for one producer.</b> Suggested gotong-royong (shared) order: { $parts }. Quote deadline: { $deadline }.
rq-verdict-too-late = <b>Too short notice.</b> No producer can make it for { $date } yet. Earliest possible: <b>{ $earliest }</b>.
rq-verdict-too-big = <b>Too much.</b> All matching producers together can only make { $can_make } { $unit } for { $date }.
rq-verdict-nobody = There is no verified producer making this item in that province yet. Try other words, or contact the trade office (Disperindagkop).
btn-use-date = 📅 Use { $date }
rq-sent = Request #{ $id } was sent to { $count } producers. Quotes are awaited until { $deadline }. See /permintaan.
field-item = Item
field-quantity = Quantity
field-date = Date
field-place = Place
field-budget = Budget
rq-card =
    <b>Quote request #{ $id }</b> from { $office }
    Item: { $item }
    Quantity: { $quantity } { $unit }{ $part }
    Date: { $date }
    Place: { $place }
    Budget: { $budget } · Halal: { $halal }
    Quote deadline: { $deadline }
rq-card-part = (your share: { $part } { $unit }, gotong-royong (shared))
btn-quote = 💬 Send quote
btn-decline = Decline
qt-ask-price = What is the price per { $unit }? E.g. 24rb
qt-ask-quantity = How many { $unit } can you make? Press “All” for { $quantity }.
btn-all = All ({ $quantity })
qt-ask-note = Any note for the OPD? (e.g. package contents, delivery time). Press “Skip” if there is none.
qt-sent = Quote for request #{ $id } sent: { $price } × { $quantity } = { $total }. You can change it until the deadline with the “Send quote” button.
qt-revised = Quote for request #{ $id } updated: { $price } × { $quantity } = { $total }.
qt-too-many = At most { $quantity }.
qt-closed = This request has already been closed.
qt-deadline-passed = The quote deadline has passed.
qt-ask-decline-reason = May we know the reason? Press “Skip” if not.
qt-declined = All right, request #{ $id } declined. Thank you.
staff-new-quote = New quote for request #{ $id } from <b>{ $producer }</b>: { $price } × { $quantity } = { $total }. See /permintaan.
staff-revised-quote = Quote for request #{ $id } from <b>{ $producer }</b> updated: { $price } × { $quantity } = { $total }.
staff-declined = <b>{ $producer }</b> declined request #{ $id }. { $reason }
rq-list-none = No requests yet. Create one with /minta.
rq-list = <b>Your office's requests</b>
rq-line = #{ $id } { $item } · { $quantity } { $unit } · { $date } · { $status } · { $quotes } quotes
rq-status-open = awaiting quotes
rq-status-awarded = producer chosen
rq-status-cancelled = cancelled
rq-producer-list = <b>Requests awaiting your answer</b>
rq-producer-list-none = No requests are awaiting an answer.
rq-quotes =
    <b>Quotes for #{ $id }</b> — { $item }, { $quantity } { $unit }, { $date }
    { $lines }
rq-quotes-none = No quotes for #{ $id } yet. Deadline: { $deadline }.
rq-quote-line = { $n }. <b>{ $producer }</b> — { $price } × { $quantity } = { $total } · ⭐ { $rating } · { $finished } completed{ $note }
btn-award = ✅ Choose { $n }
btn-award-split = 🤝 Split between producers
rq-split-pick = Choose producers to split between: { $sum } of { $quantity } { $unit } selected.
btn-split-done = Done ({ $sum }/{ $quantity })
rq-split-sum = { $sum } selected; it must be exactly { $quantity }.
rq-quote-too-small = This quote covers only { $quantity }; for the full quantity, use “Split between producers”.
rq-awarded = Orders created: { $orders }. The producers have been notified. See /pesanan.
producer-awarded = 🎉 Your quote was chosen! Order <b>#{ $order }</b>: { $item }, { $quantity } { $unit } × { $price } = { $total }, for { $date } in { $place }. Please accept it within 12 hours.
producer-not-chosen = Thank you for your quote for request #{ $id }. It was not chosen this time.
order-list-none = No orders yet.
order-card =
    <b>Order #{ $id }</b> — { $status }
    { $item }: { $quantity } { $unit } × { $price } = { $total }
    For: { $date } · { $place }
    Producer: { $producer }{ $phone }
    Ordered by: { $office }
order-phone = · 📞 { $phone }
order-status-awarded = awaiting producer acceptance
order-status-accepted = accepted by producer
order-status-in_production = in production
order-status-ready = ready
order-status-delivered = delivered
order-status-received = received by the OPD
order-status-cancelled = cancelled
order-status-lapsed = not accepted in time
btn-order-accept = ✅ Accept order
btn-order-produce = 🔧 Start production
btn-order-ready = 📦 Ready
btn-order-deliver = 🚚 Delivered
btn-order-received = ✅ Goods received
btn-order-cancel = Cancel
order-ask-cancel-reason = Please write the reason for cancelling order #{ $id }.
order-changed = Order #{ $id }: { $status }.
order-cancelled-by = Order #{ $id } was cancelled by { $who }. Reason: { $reason }
order-ask-rating = How was order #{ $id }? Give a rating of 1–5.
order-ask-comment = Any comment for the producer? Press “Skip” if not.
order-rated = Thank you! Rating { $stars } for order #{ $id } saved.
order-step-refused = That step is not possible for the current order status.
order-not-accepted = ⏰ Order #{ $id } ({ $producer }) was not accepted within 12 hours. Choose another quote?
btn-choose-other = Choose another quote
order-lapsed-producer = Order #{ $id } was passed to another producer because it was not accepted within 12 hours.
rq-verdict-too-small = The quantity is below the minimum order of the matching producers (at least { $min }).
rq-verdict-too-big-later = For this quantity, the earliest date is <b>{ $earliest }</b>.
rq-halal-any = not required
reminder-ask = ⏰ Reminder { $when }: order #{ $id } — { $item }, { $quantity } { $unit } for { $office }, to deliver { $date }. Still on track?
reminder-morning = ⏰ Delivery day for order #{ $id } — { $item }, { $quantity } { $unit } for { $office }. All the best!
btn-reminder-ok = 👍 Yes, on schedule
btn-reminder-problem = ⚠️ There is a problem
reminder-thanks = Thank you, noted as on schedule.
reminder-problem-noted = Thank you. The staff who ordered have been told and will contact you.
staff-reminder-problem = ⚠️ <b>{ $producer }</b> reports a problem with order #{ $id } ({ $item }, { $date }). Contact the producer, or switch to another quote.

## Outbox notices: deadlines, checks, alternatives
staff-quote-deadline = ⏰ The quote deadline of request #{ $id } ({ $item }) has passed: { $quotes } quotes, { $declined } declined, { $silent } did not answer.
staff-quote-deadline-choose = Please choose the winner.
staff-quote-deadline-none = There is nothing to choose yet; you can make a new request with /minta.
alt-header = <b>Other quotes you can choose:</b>
alt-line = { $n }. <b>{ $producer }</b> — { $price }/{ $unit }, can make { $quantity } { $unit }
alt-none = There are no other quotes for this request yet.
staff-no-answer = ⚠️ <b>{ $producer }</b> has not confirmed order #{ $id } ({ $item }) for { $date }. Contact the producer, or switch to another quote.
order-late-staff = ⏰ Order #{ $id } ({ $item }) from <b>{ $producer }</b> is not marked as delivered yet. Please check with the producer.
order-late-producer = ⏰ Order #{ $id } ({ $item }) for { $office } should have been delivered by now. If it was, mark it below; if there is a problem, contact the ordering staff.
late-note = <i>(This message is late because of a system outage. Our apologies.)</i>
admin-large-order = ℹ️ A large order from { $office }:
btn-replace = 🔁 Switch producer
replace-reason = producer problem, moved to another quote
order-replaced = Order #{ $id } is cancelled. Please choose another quote below.

## Events (/acara)
cmd-acara = Plan an event: early notice to producers
ev-staff-only = Planning events is for verified office staff.
ev-ask-name = Which event are you planning? Example: Quarterly coordination meeting
ev-ask-need = What will it need, roughly how much? Example: ± 300 snack box
ev-ask-date = On which date is the event? Example: 26 March, 26/3
ev-need-unclear = Please write the quantity and the item. Example: ± 300 snack box
ev-name-too-long = The event name may have at most 100 characters.
ev-summary =
    <b>Planned event</b>
    Event: { $name }
    Needs: ± { $need }
    Date: { $date }
    Region: { $place }
    { $count } matching producers will get an early notice.
ev-last-day-ahead = Send the quote request by <b>{ $last }</b> at the latest. You will be reminded that morning at 08:00.
ev-last-day-today = Today is the last safe day to ask for quotes. Once saved, you can make the request right away.
ev-last-day-past = <b>Tight:</b> the last safe day ({ $last }) has passed. Send the quote request soon.
btn-save = 💾 Save
ev-saved = Event saved. Early notice sent to { $count } producers. I will remind you on { $nudge }. See /acara.
ev-saved-now = Event saved. Early notice sent to { $count } producers. Please make the quote request now.
ev-heads-up =
    📅 <b>Early notice from { $office }</b>: there will be a need for ± { $need } in { $place } around { $date } ({ $name }).
    This is not an order yet; a quote request will follow. If you can do it, press «I'm ready» to start planning your capacity.
btn-ready = ✋ I'm ready
ev-ready-noted = Thank you, noted: you are ready for { $name }. The quote request will come through this bot.
ev-ready-already = Already noted as ready. Thank you.
ev-nudge = ⏰ Today is the last safe day to ask for quotes for <b>{ $name }</b> ({ $date }): ± { $need } in { $place }. { $ready } producers said they are ready.
btn-make-request = 📝 Make the request
ev-list-header = <b>Your office's planned events</b>
ev-list-item =
    <b>{ $name }</b> — { $date }
    ± { $need }, { $place }
    Send the request by { $last }. Early notice to { $told } producers; { $ready } ready: { $names }
ev-list-requested = Request #{ $id } has been made.
btn-new-event = ➕ New event
btn-request-for = 📝 Make the request: { $name }
ev-already-requested = The request for this event has already been made. See /permintaan.
## Broadcasts
cmd-siaran = Send an announcement
bc-ask-message = 📢 Please write the announcement to send. It may be a photo with a caption. Type /batal to cancel.
bc-empty = The announcement is empty. Please write its text, or send a photo with a caption.
bc-too-long = This announcement is { $length } characters long, but the limit is { $limit } (a photo caption may be at most 1,024). Please shorten it and send it again.
bc-ask-audience = Send it to whom?
btn-bc-everyone = Everyone
btn-bc-producers = Producers
btn-bc-staff = Staff
btn-bc-regions = Regions…
btn-bc-categories = Categories…
bc-ask-regions = Type the name of a target regency/city, one per message (e.g. <i>Samarinda</i>). Press Done when that is all.
bc-regions-chosen = Target regions: { $regions }. Type another region, or press Done.
bc-ask-categories = Choose the producer categories to reach, then press Done.
bc-choose-first = Please choose at least one first.
bc-preview-head = 👀 Preview — this is what recipients will get:
bc-preview =
    Recipients: { $audience }
    It will go to <b>{ $total } recipients</b> ({ $producers } producers, { $staff } staff); { $muted } muted announcements; { $blocked } have blocked the bot.
btn-bc-send = ✅ Send
btn-bc-send-urgent = ⚡ Send now (ignore quiet hours)
bc-nobody = Nobody matches this choice. Please choose other recipients.
bc-progress =
    📢 Announcement #{ $id } is being sent to { $total } recipients…
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked } · left: { $left }
bc-done =
    ✅ Announcement #{ $id } is finished.
    Sent: { $sent } · failed: { $failed } · blocked: { $blocked } (of { $total } recipients)
profile-muted = 🔕 Announcements: muted
profile-not-muted = 🔔 Announcements: on
btn-mute = 🔕 Mute announcements
btn-unmute = 🔔 Turn announcements on
mute-done = Announcements are muted. Verification results and orders still reach you.
unmute-done = Announcements are on again.
