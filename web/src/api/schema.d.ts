/* Generated from the service's /openapi.json by web/scripts/generate-api.ts: do not edit. */
export interface paths {
    "/v1/admin/failed-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs that failed for good, newest first (admin)
         * @description Up to 100 per queue, with the reason of their last failure. 503 in a process without a queue backend.
         */
        get: operations["listFailedJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/failed-jobs/{queue}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Discard a failed job (admin)
         * @description Removes the job from the failed list; 409 when it is not failed. A score or notification whose job is discarded is still applied by the reconciler (Postgres owes it); a discarded webhook delivery is given up.
         */
        delete: operations["discardFailedJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/failed-jobs/{queue}/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a failed job again (admin)
         * @description The job goes back to its queue; 409 when it is not failed.
         */
        post: operations["retryFailedJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first (admin)
         * @description Sign-ins, sign-outs, passwords, tokens and user changes; pages follow `nextBefore`.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bulletins of a year (this year by default)
         * @description Issued ones for everyone signed in; drafts only for managers, reviewers and admins.
         */
        get: operations["listBulletins"];
        put?: never;
        /**
         * Create a draft bulletin for {year, quarter} or {from, to} (manager, admin)
         * @description Its figures follow the data until it is issued. 422 when the period has not begun.
         */
        post: operations["createBulletin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bulletin, as JSON or as its Word, Excel or CSV file
         * @description Its figures (frozen once issued, with a re-run beside them), sections and contact. `format=docx` answers the Word bulletin, `xlsx` and `csv` its tables.
         */
        get: operations["getBulletin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft’s sections, contact and standing attachments (manager, admin)
         * @description Sections are problems, requirements and closing; an issued bulletin cannot change (409 bulletin_issued).
         */
        patch: operations["editBulletin"];
        trace?: never;
    };
    "/v1/bulletins/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a draft (manager, admin)
         * @description With its 印发 date (today by default) and number; its figures are frozen from then on.
         */
        post: operations["issueBulletin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The working-day calendar of a year
         * @description Official data with the admins’ corrections; `covered` is false (and a warning set) while the year’s schedule is not complete.
         */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Correct or extend the calendar for one day (admin)
         * @description Deadlines that the change moves are counted again; the answer says how many items were rescheduled.
         */
        put: operations["setCalendarDay"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Declare a year’s schedule complete (admin)
         * @description After entering its holidays and make-up days: the year’s provisional deadlines are counted again.
         */
        put: operations["declareCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/commission-rules/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Commission points for a year
         * @description Points for an answer on time and the penalty per miss: the year’s own, or those of the nearest earlier year (`inheritedFrom`).
         */
        get: operations["getCommissionRules"];
        /**
         * Set a year’s commission points (admin)
         * @description Answers on time already in the ledger for the years these rules govern are re-priced in the same transaction.
         */
        put: operations["setCommissionRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/commissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Commissions the caller may see, newest first
         * @description The region sees every commission; a unit sees those addressed to it, with counts of its assignments per state.
         */
        get: operations["listCommissions"];
        put?: never;
        /**
         * Issue a commission (reviewer, manager): one assignment per target unit
         * @description A commission notice (约稿通知): topic, requirements, the kind of answer wanted, the target units (all or chosen) and a due date (a Shanghai date, or N working days from today). A repeated Idempotency-Key returns the first answer (200).
         */
        post: operations["createCommission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/commissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One commission with its assignments
         * @description A unit sees its own assignment only; a commission not addressed to the caller’s unit answers 404.
         */
        get: operations["getCommission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a commission until the first answer (reviewer, manager)
         * @description Title, requirements, kind, points and due date may change until a unit has answered; If-Match and Idempotency-Key are honoured.
         */
        patch: operations["editCommission"];
        trace?: never;
    };
    "/v1/commissions/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a commission (reviewer, manager)
         * @description Every assignment still waiting (open or declined) closes; answered ones keep their answer.
         */
        post: operations["cancelCommission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/commissions/{id}/assignments/{unitCode}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline an assignment, or accept or refuse a decline
         * @description The unit’s approver declines with a reason; the region accepts the reason or refuses it (with a reason). If-Match is the assignment’s version.
         */
        post: operations["actOnAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/import/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the old portal’s items: JSON { items: [...] }, a text/csv body, or a CSV file (multipart field `file`)
         * @description Columns: externalId, unitCode, title, body?, eventDate, major?, kind?, submittedAt?, adoptedAt?, rejectedAt?, forwardedAt?, nationalAdoptedAt?, nationalDeclinedAt? (ISO 8601 with offset). Answered row by row with 200: good rows are stored (`created`), rows imported before are left as they are (`unchanged`), and each bad row is listed in `errors` by its index (from 0; in a CSV file, the first line after the header) with a stable code and a reason in Chinese. Each stored item is replayed through the lifecycle with its own dates; one never decided is closed (expired) as of its stale date. A request that is not a list of rows at all is a 400. A CSV is read and imported as it arrives (up to 1 GB; JSON up to 64 MB): one that breaks off after its first record keeps the rows before, and its last `errors` entry (`csv_unreadable`, `file_too_large` or `upload_incomplete`) gives the index of the first row not read.
         */
        post: operations["importSubmissions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lifecycle: states, actions, roles and the five gates (五关)
         * @description Labelled in Chinese; each action with the fields its dialog asks for and the roles that may take it.
         */
        get: operations["getLifecycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who I am: role, unit, open tasks, unread notifications
         * @description The signed-in person (or integration), how they authenticated, and the counts the console shows in its frame.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password; my other sessions end
         * @description Needs the current password (403 wrong_password); the new one must meet the rules (400 weak_password).
         */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My sessions, newest first
         * @description Open and ended sessions with the address and browser they came from.
         */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My API tokens (never their values)
         * @description Names, dates of creation and last use, and revocation.
         */
        get: operations["listMyTokens"];
        put?: never;
        /**
         * Create a named API token for an integration (shown once)
         * @description The token acts as the caller; its value is in this answer only.
         */
        post: operations["createMyToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of my API tokens
         * @description The token stops working at once, in every process.
         */
        delete: operations["revokeMyToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first
         * @description What happened to the caller’s items and queue; pages follow `nextBefore`.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one notification read
         * @description Marking it again changes nothing.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Display names and roles of the people I work with
         * @description For a unit’s people: their unit and the region’s reviewers; for the region: everyone.
         */
        get: operations["listPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How items are moving now
         * @description Counts per state and unit, and the waiting queues with their age, late items and items going stale (managers, reviewers and admins).
         */
        get: operations["getPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipeline/flow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How items moved in a period
         * @description Transitions per day and action, median and 90th percentile durations, time in each state and the adoption rate per unit.
         */
        get: operations["getPipelineFlow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/bulletin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live 通报 of a quarter (the current one by default)
         * @description Figures, top-6 lists and the paragraphs written from them, counted now. `format=docx` answers the Word bulletin, `xlsx` and `csv` its tables (managers, reviewers and admins).
         */
        get: operations["getLiveBulletin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/commissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Commissions per unit in a period: addressed, answered on time or late, fulfilled, declined, missed, points
         * @description Commissions issued in the period (this year by default), every unit listed, ordered by misses ascending, then answers descending, then unit code. A unit’s people see their own row only. `format=csv|xlsx` answers the table as a file to download.
         */
        get: operations["getCommissionsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/period": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 附件1: items submitted, adopted and adopted nationally per unit in a period
         * @description The current quarter by default. `format=csv|xlsx` answers the table as a file to download.
         */
        get: operations["getPeriodReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 附件2: counts and points per unit from 1 January to a date
         * @description This year to today by default. `format=csv|xlsx` answers the table as a file to download.
         */
        get: operations["getScoreReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scoring-rules/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Points per event for a year
         * @description The year’s own rules, or those of the nearest earlier year (`inheritedFrom`).
         */
        get: operations["getScoringRules"];
        /**
         * Set a year’s points (admin)
         * @description The year’s ledger entries are re-priced in the same transaction.
         */
        put: operations["setScoringRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a login name and password: sets the session cookie
         * @description Answers with the person and sets the HttpOnly `nmg_session` cookie. Too many failed sign-ins lock the login for a while (429 with Retry-After).
         */
        post: operations["signIn"];
        /**
         * Sign out: ends this session and clears its cookie
         * @description With a bearer token nothing ends (revoke the token instead); the cookie is cleared either way.
         */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List items the caller may see, newest first
         * @description Editors and approvers see their unit’s items, the region everyone’s. Filters combine; pages follow `nextCursor`.
         */
        get: operations["listSubmissions"];
        put?: never;
        /**
         * Create a draft item (editor)
         * @description An editor writes a draft for their unit. With an Idempotency-Key, a repeated request answers 200 with the item the first one made instead of making another.
         */
        post: operations["createSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item, with its ETag
         * @description The item as it stands, with the actions the caller may take on it now (`allowedActions`).
         */
        get: operations["getSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft (editor); If-Match honoured
         * @description Changes the named fields of a draft or of an item returned for revision. With If-Match, only the version the caller saw is changed (412 otherwise).
         */
        patch: operations["editSubmission"];
        trace?: never;
    };
    "/v1/submissions/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an action on an item; Idempotency-Key and If-Match honoured
         * @description Moves the item through its lifecycle (request_signoff, sign_off, return, adopt, reject, …; see GET /v1/lifecycle). Refused with 409 when the state does not allow the action, 422 when a rule of the work does not (quality checks, the five gates).
         */
        post: operations["actOnSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quality checks (附件3) on the item as it stands
         * @description Errors block sign-off, warnings do not.
         */
        get: operations["checkSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item’s comments, oldest first
         * @description Every comment on the item with its author and the state the item was in when it was written.
         */
        get: operations["listSubmissionComments"];
        put?: never;
        /**
         * Comment on an item (批注)
         * @description Anyone who may see the item may comment on it; the other side (the unit, or the region’s reviewers) is notified.
         */
        post: operations["addSubmissionComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item’s timeline
         * @description Every step (transitions, edits, photo changes) with its comments merged in, oldest first.
         */
        get: operations["getSubmissionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item’s photos
         * @description The photos in their order, with their size and caption; the files themselves at /v1/submissions/{id}/images/{imageId}.
         */
        get: operations["listSubmissionImages"];
        put?: never;
        /**
         * Upload a photo (multipart field `file`; optional `caption` field before it, or `?caption=`)
         * @description JPEG or PNG, checked by content; at most MAX_IMAGE_BYTES (10 MB), MAX_IMAGE_PIXELS and 3 photos per item. The file is decoded: width and height are those of its pixels, EXIF orientation applied; a truncated, damaged or forged file is refused (422 image_invalid), a picture over the pixel limit too (422 image_too_large), and nothing is kept. The answer carries the photo’s own findings.
         */
        post: operations["uploadSubmissionImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/submissions/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The photo file
         * @description The picture as uploaded (JPEG or PNG), cacheable privately for an hour.
         */
        get: operations["getSubmissionImage"];
        put?: never;
        post?: never;
        /**
         * Remove a photo
         * @description The photo and its file are removed; the others move up.
         */
        delete: operations["deleteSubmissionImage"];
        options?: never;
        head?: never;
        /**
         * Change a photo’s caption (图注) and/or its position
         * @description The other photos keep their order; a move is a step of the item’s history.
         */
        patch: operations["updateSubmissionImage"];
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Items waiting for the caller's action, soonest deadline first, with the caller's commissions
         * @description The caller’s queue (drafts to finish, items to sign off, items to review), filtered by unit, state and lateness; beside the items, on the first page, the commissions (约稿) waiting for the caller: a unit’s open assignments, the region’s declines to judge, soonest due first.
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim an item (reviewer)
         * @description The item leaves the other reviewers’ queues until the claim is given back or handed over.
         */
        post: operations["claimTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/unclaim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a claimed item back to the queue (reviewer)
         * @description The claim ends: the item is back in every reviewer’s queue.
         */
        post: operations["unclaimTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/commissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Assignments waiting for the caller, soonest due first
         * @description A unit’s people see their open assignments; the region sees the declines it has to judge.
         */
        get: operations["listCommissionTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reporting units
         * @description The association’s reporting units with their codes (e.g. 150600 for 鄂尔多斯市), which the API takes as `unitCode`.
         */
        get: operations["listUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every user (admin)
         * @description People and integration accounts, disabled ones included.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a person or an integration account (admin)
         * @description A person gets a login and a one-time initial password; an account without a login gets an API token, shown once in this answer.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a user (admin)
         * @description Their sessions end and their tokens stop working; their items and history stay.
         */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user’s password to a new initial one (admin)
         * @description They must change it at their next sign-in; their sessions end.
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user’s sessions, newest first (admin)
         * @description Open and ended sessions with the address and browser they came from.
         */
        get: operations["listUserSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of a user’s sessions (admin)
         * @description The session’s cookie stops working at once; the audit log records who ended it.
         */
        delete: operations["endUserSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a user’s tokens and issue a new one (admin)
         * @description The new token’s value is in this answer only.
         */
        post: operations["rotateUserToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user’s API tokens, never their values (admin)
         * @description Names, dates of creation and last use, and revocation.
         */
        get: operations["listUserTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/tokens/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of a user’s API tokens (admin)
         * @description The token stops working at once, in every process.
         */
        delete: operations["revokeUserToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active webhooks (admins only)
         * @description Every webhook not disabled, without its secret.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook for a unit (admins only); the secret is shown once
         * @description Each delivery is a JSON POST of the unit’s notifications, signed in the x-nmg-signature header as `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; receivers refuse a timestamp older than their tolerance. The URL must be http(s), without credentials, and not an internal address unless WEBHOOK_ALLOW_HOSTS allows it; deliveries check the address again after DNS resolution and do not follow redirects.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disable a webhook (admins only)
         * @description No further deliveries are made to it.
         */
        delete: operations["disableWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Assignment: {
            allowedActions: ("decline" | "accept_decline" | "refuse_decline")[];
            answeredAt: string | null;
            /** Format: uuid */
            commissionId: string;
            declineReason: string | null;
            dueAt: string;
            fulfilledAt: string | null;
            itemId: string | null;
            late: boolean;
            missedAt: string | null;
            refusalReason: string | null;
            /** @enum {string} */
            state: "open" | "declined" | "excused" | "answered" | "fulfilled" | "missed" | "cancelled";
            stateLabel: string;
            unitCode: string;
            unitName: string;
            version: number;
        };
        Bulletin: {
            /** @description the last day counted: the period’s end, or the day the figures were taken while it was not over */
            asOf: string;
            from: string;
            nationalAdoptions: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            periodName: string;
            periodTable: components["schemas"]["PeriodReport"];
            /** @description the 通报表扬 sentence */
            praise: string;
            /** @description 1..4, or null for a period that is not a calendar quarter */
            quarter: number | null;
            scoreTable: components["schemas"]["ScoreReport"];
            /** @description 一、信息报送总体情况 */
            text: string;
            title: string;
            to: string;
            topAdopted: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            topScore: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            topSubmitted: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            totals: {
                adopted: number;
                adoptionRate: number | null;
                nationalAdopted: number;
                submitted: number;
            };
            year: number;
        };
        BulletinDocument: {
            /** @description the last day counted: the period’s end, or the day the figures were taken while it was not over */
            asOf: string;
            contact: {
                name: string;
                phone: string;
            };
            extraAttachments: string[];
            from: string;
            /** Format: uuid */
            id: string;
            issuedOn: string | null;
            nationalAdoptions: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            number: string | null;
            periodName: string;
            periodTable: components["schemas"]["PeriodReport"];
            /** @description the 通报表扬 sentence */
            praise: string;
            /** @description 1..4, or null for a period that is not a calendar quarter */
            quarter: number | null;
            /** @description an issued bulletin’s period counted again now, with every figure that differs from the frozen ones; null for a draft */
            rerun: {
                asOf: string;
                differences: {
                    field: string;
                    issued: number;
                    now: number;
                    /** @enum {string} */
                    table: "period" | "score";
                    unitCode: string;
                    unitName: string;
                }[];
                differs: boolean;
                totals: {
                    adopted: number;
                    adoptionRate: number | null;
                    nationalAdopted: number;
                    submitted: number;
                };
            } | null;
            scoreTable: components["schemas"]["ScoreReport"];
            sections: {
                closing: string;
                problems: string;
                requirements: string;
            };
            /** @enum {string} */
            status: "draft" | "issued";
            /** @description 一、信息报送总体情况 */
            text: string;
            title: string;
            to: string;
            topAdopted: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            topScore: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            topSubmitted: {
                rank: number;
                unitCode: string;
                unitName: string;
                value: number;
            }[];
            totals: {
                adopted: number;
                adoptionRate: number | null;
                nationalAdopted: number;
                submitted: number;
            };
            updatedAt: string;
            version: number;
            year: number;
        };
        Comment: {
            at: string;
            author: {
                id: string;
                name: string;
                role: string;
            };
            id: string;
            /** @description the item’s state when the comment was written */
            state: string;
            text: string;
        };
        Commission: {
            allUnits: boolean;
            assignments?: components["schemas"]["Assignment"][];
            counts: {
                [key: string]: number;
            };
            createdAt: string;
            /** @description who issued it (id and display name) */
            createdBy: {
                id: string;
                name: string;
            };
            dueAt: string;
            dueDate: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "news" | "case" | "report";
            points: number | null;
            requirements: string;
            /** @enum {string} */
            status: "active" | "cancelled";
            title: string;
            updatedAt: string;
            version: number;
        };
        CommissionsReport: {
            from: string;
            /** @description Commissions issued in the period, cancelled ones left out */
            issued: number;
            rows: {
                addressed: number;
                answeredLate: number;
                answeredOnTime: number;
                declined: number;
                fulfilled: number;
                missed: number;
                points: number;
                unitCode: string;
                unitName: string;
            }[];
            rules: {
                answeredOnTime: number;
                missPenalty: number;
            };
            to: string;
        };
        CommissionTask: {
            allowedActions: ("decline" | "accept_decline" | "refuse_decline")[];
            answeredAt: string | null;
            /** Format: uuid */
            commissionId: string;
            declineReason: string | null;
            dueAt: string;
            dueDate: string;
            fulfilledAt: string | null;
            itemId: string | null;
            /** @enum {string} */
            kind: "news" | "case" | "report";
            /** @description past its due date while it still waits (or answered late) */
            late: boolean;
            missedAt: string | null;
            refusalReason: string | null;
            requirements: string;
            /** @enum {string} */
            state: "open" | "declined" | "excused" | "answered" | "fulfilled" | "missed" | "cancelled";
            stateLabel: string;
            title: string;
            unitCode: string;
            unitName: string;
            version: number;
        };
        Error: {
            error: {
                code: string;
                details?: unknown;
                message: string;
            };
        };
        Lifecycle: {
            actions: {
                fields: ("reason" | "signer" | "to" | "gates")[];
                label: string;
                name: string;
                roles: string[];
            }[];
            /** @description a commission’s assignment (约稿): its states and steps, labelled the same way */
            assignment: {
                actions: {
                    fields: "reason"[];
                    label: string;
                    name: string;
                    roles: string[];
                }[];
                states: {
                    final: boolean;
                    label: string;
                    name: string;
                    tags: string[];
                }[];
            };
            gates: {
                label: string;
                /** @enum {string} */
                name: "political" | "policy" | "secrecy" | "wording" | "standards";
            }[];
            roles: {
                label: string;
                name: string;
            }[];
            states: {
                final: boolean;
                label: string;
                name: string;
                tags: string[];
            }[];
        };
        PeriodReport: {
            from: string;
            rows: {
                adopted: number;
                nationalAdopted: number;
                rank: number;
                submitted: number;
                unitCode: string;
                unitName: string;
            }[];
            to: string;
            totals: {
                adopted: number;
                nationalAdopted: number;
                submitted: number;
            };
        };
        Photo: {
            bytes: number;
            caption: string | null;
            createdAt: string;
            height: number;
            id: string;
            mime: string;
            position: number;
            width: number;
        };
        ScoreReport: {
            rows: {
                adopted: number;
                adoptedPoints: number;
                nationalAdopted: number;
                nationalAdoptedPoints: number;
                rank: number;
                submitted: number;
                submittedPoints: number;
                total: number;
                unitCode: string;
                unitName: string;
            }[];
            rules: {
                adopted: number;
                nationalAdopted: number;
                submitted: number;
            } | null;
            through: string;
            totals: {
                adopted: number;
                nationalAdopted: number;
                submitted: number;
                total: number;
            };
            year: number;
        };
        Submission: {
            adoptedAt: string | null;
            allowedActions: string[];
            body: string;
            /** @description after request_signoff or sign_off: the warnings of the quality checks */
            checks?: {
                code: string;
                field: string;
                message: string;
                /** @enum {string} */
                severity: "error" | "warning";
            }[];
            claimedBy: string | null;
            /** @description display name of the reviewer who holds the claim */
            claimedByName: string | null;
            /** @description the commission (约稿) this item answers, or null */
            commissionId: string | null;
            createdAt: string;
            /** @description due date counted Monday–Friday: the calendar lacks a year */
            deadlineProvisional: boolean;
            /** @description the last decision on the item (sign_off, return, recall, adopt, reject, return_for_revision, forward_national, national outcome); null before any */
            decision: {
                action: string;
                at: string;
                by: {
                    id: string;
                    name: string;
                };
                reason: string | null;
            } | null;
            dueAt: string;
            eventDate: string;
            /** @description the five checks (五关) as confirmed at the last sign-off; null before any */
            gates: {
                policy: boolean;
                political: boolean;
                secrecy: boolean;
                standards: boolean;
                wording: boolean;
            } | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "news" | "case" | "report";
            late: boolean;
            major: boolean;
            nationalAdoptedAt: string | null;
            signedAt: string | null;
            signer: string | null;
            staleAt: string;
            /** @enum {string} */
            state: "draft" | "awaiting_signoff" | "submitted" | "adopted" | "forwarded_national" | "rejected" | "national_adopted" | "national_declined" | "withdrawn" | "expired";
            submittedAt: string | null;
            title: string;
            unitCode: string;
            unitName: string;
            updatedAt: string;
            version: number;
            wechatUrl: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listFailedJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The failed jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptsMade: number;
                        createdAt: string;
                        data: unknown;
                        failedAt: string | null;
                        failedReason: string | null;
                        id: string;
                        name: string;
                        queue: string;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    discardFailedJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job’s id in its queue */
                id: string;
                /** @description The job’s queue */
                queue: "deadlines" | "scores" | "notifications" | "webhooks";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryFailedJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job’s id in its queue */
                id: string;
                /** @description The job’s queue */
                queue: "deadlines" | "scores" | "notifications" | "webhooks";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        queue: string;
                        state: string;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description Only entries of this action (e.g. sign_in, token_revoked) */
                action?: string;
                /** @description `nextBefore` of the previous page; none for the first page */
                before?: number;
                /** @description Only entries at or after this instant (ISO 8601 with offset) */
                from?: string;
                /** @description Entries per page */
                limit?: number;
                /** @description Only entries at or before this instant (ISO 8601 with offset) */
                to?: string;
                /** @description Only entries where this user acted or was acted on */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries and the `before` of the next one (null on the last page) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actor: {
                                id: string;
                                name: string;
                            } | null;
                            at: string;
                            clientAddress: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            id: number;
                            login: string | null;
                            subject: {
                                id: string;
                                name: string;
                            } | null;
                        }[];
                        nextBefore: number | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBulletins: {
        parameters: {
            query?: {
                /** @description The year (this year by default) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year’s bulletins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulletins: {
                            from: string;
                            /** Format: uuid */
                            id: string;
                            issuedOn: string | null;
                            number: string | null;
                            quarter: number | null;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            to: string;
                            updatedAt: string;
                            version: number;
                            year: number;
                        }[];
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createBulletin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    from?: string;
                    quarter?: number;
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    to?: string;
                    year?: number;
                };
            };
        };
        responses: {
            /** @description The new draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDocument"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBulletin: {
        parameters: {
            query?: {
                /** @description json (the default) or a file to download in this format */
                format?: "json" | "docx" | "xlsx" | "csv";
                /** @description add a 排名 column */
                rank?: string;
                /** @description add a 合计 row */
                totals?: string;
            };
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bulletin: JSON, or the file of the format asked for */
            200: {
                headers: {
                    /** @description attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback */
                    "content-disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDocument"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "text/csv": string;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    editBulletin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contact?: {
                        name?: string;
                        phone?: string;
                    };
                    extraAttachments?: string[];
                    sections?: {
                        closing?: string;
                        problems?: string;
                        requirements?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The draft after the edit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDocument"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueBulletin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    issuedOn?: string;
                    number?: string;
                };
            };
        };
        responses: {
            /** @description The issued bulletin */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDocument"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query: {
                /** @description The year */
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year’s days that differ from Monday–Friday */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        covered: boolean;
                        days: {
                            date: string;
                            note: string | null;
                            /** @enum {string} */
                            source: "official" | "admin";
                            workday: boolean;
                        }[];
                        warning: string | null;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day (YYYY-MM-DD) */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    note?: string;
                    workday: boolean;
                };
            };
        };
        responses: {
            /** @description The day as set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        note: string;
                        rescheduled: number;
                        workday: boolean;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declareCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The year, covered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        covered: boolean;
                        rescheduled: number;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommissionRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Points for an answer on time */
                        answeredOnTime: number;
                        /** @description Set when the year has no rules of its own and those of another year apply */
                        inheritedFrom: number | null;
                        /** @description Points taken per miss in the commissions report */
                        missPenalty: number;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setCommissionRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Points for an answer on time */
                    answeredOnTime: number;
                    /** @description Points taken per miss */
                    missPenalty: number;
                };
            };
        };
        responses: {
            /** @description The rules as set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Points for an answer on time */
                        answeredOnTime: number;
                        /** @description Set when the year has no rules of its own and those of another year apply */
                        inheritedFrom: number | null;
                        /** @description Points taken per miss in the commissions report */
                        missPenalty: number;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The commissions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Commission"][];
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    dueDate?: string;
                    dueWorkdays?: number;
                    /** @enum {string} */
                    kind: "news" | "case" | "report";
                    points?: number | null;
                    requirements: string;
                    title: string;
                    unitCodes: "all" | string[];
                };
            };
        };
        responses: {
            /** @description The commission issued earlier with this Idempotency-Key */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Commission"];
                };
            };
            /** @description The commission with its assignments */
            201: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Commission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The commission and its assignments */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Commission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    editCommission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
                /** @description The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any */
                "if-match"?: string;
            };
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    dueDate?: string;
                    dueWorkdays?: number;
                    /** @enum {string} */
                    kind?: "news" | "case" | "report";
                    points?: number | null;
                    requirements?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description The commission as edited */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Commission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the current version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelCommission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
                /** @description The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any */
                "if-match"?: string;
            };
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "cancel";
                };
            };
        };
        responses: {
            /** @description The cancelled commission */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Commission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the current version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    actOnAssignment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
                /** @description The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any */
                "if-match"?: string;
            };
            path: {
                /** @description Id (UUID) of the commission */
                id: string;
                /** @description Code of the target unit (e.g. 150600), whose assignment is meant */
                unitCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "decline" | "accept_decline" | "refuse_decline";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The assignment after the action */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the current version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importSubmissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: Record<string, never>[];
                };
                "multipart/form-data": FormData;
                "text/csv": string;
            };
        };
        responses: {
            /** @description How many rows were stored and left as they were, and each refused row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        errors: {
                            code: string;
                            field?: string;
                            index: number;
                            message: string;
                        }[];
                        unchanged: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLifecycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lifecycle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lifecycle"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        authenticatedBy: "session" | "token";
                        id: string;
                        login: string | null;
                        mustChangePassword: boolean;
                        name: string;
                        openTasks: number;
                        role: string;
                        unitCode: string | null;
                        unitName: string | null;
                        unreadNotifications: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientAddress: string | null;
                        createdAt: string;
                        endedAt: string | null;
                        endReason: string | null;
                        expiresAt: string;
                        id: string;
                        lastSeenAt: string;
                        userAgent: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        revokedAt: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMyToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new token, with its value */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        revokedAt: string | null;
                        token: string;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeMyToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `nextBefore` of the previous page (the last id it held); none for the first page */
                before?: number;
                /** @description Notifications per page */
                limit?: number;
                /** @description Only unread (true) or read (false) notifications */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications and the `before` of the next one (null on the last page) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            id: number;
                            itemId: string | null;
                            kind: string;
                            message: string;
                            readAt: string | null;
                        }[];
                        nextBefore: number | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the notification */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: number;
                        itemId: string | null;
                        kind: string;
                        message: string;
                        readAt: string | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The people */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        role: string;
                        unitCode: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pipeline now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        queues: {
                            count: number;
                            label: string;
                            late: number;
                            oldestAgeHours: number | null;
                            oldestSince: string | null;
                            staleWithin2Days: number;
                            state: string;
                        }[];
                        states: {
                            [key: string]: number;
                        };
                        units: {
                            counts: {
                                [key: string]: number;
                            };
                            unitCode: string;
                            unitName: string;
                        }[];
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipelineFlow: {
        parameters: {
            query: {
                /** @description First day of the period */
                from: string;
                /** @description Last day of the period (at most five years after from) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flow of the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adoptionRate: {
                            adopted: number;
                            rate: number | null;
                            submitted: number;
                            unitCode: string;
                            unitName: string;
                        }[];
                        durations: {
                            draftToSubmitted: {
                                count: number;
                                medianHours: number | null;
                                p90Hours: number | null;
                            };
                            submittedToDecision: {
                                count: number;
                                medianHours: number | null;
                                p90Hours: number | null;
                            };
                        };
                        from: string;
                        timeInState: {
                            averageHours: number | null;
                            state: string;
                            stays: number;
                        }[];
                        to: string;
                        transitions: {
                            action: string;
                            count: number;
                            day: string;
                        }[];
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLiveBulletin: {
        parameters: {
            query?: {
                /** @description json (the default) or a file to download in this format */
                format?: "json" | "docx" | "xlsx" | "csv";
                /** @description The quarter, 1 to 4 (the current one this year, the fourth of another year, by default) */
                quarter?: number;
                /** @description add a 排名 column */
                rank?: string;
                /** @description add a 合计 row */
                totals?: string;
                /** @description The year (this year by default) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bulletin: JSON, or the file of the format asked for */
            200: {
                headers: {
                    /** @description attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback */
                    "content-disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bulletin"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "text/csv": string;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommissionsReport: {
        parameters: {
            query?: {
                /** @description json (the default) or a file to download in this format */
                format?: "json" | "csv" | "xlsx";
                /** @description First day of the period: commissions issued from this Shanghai date (with to) */
                from?: string;
                /** @description Last day of the period (with from) */
                to?: string;
                /** @description The year counted, 1 January to 31 December (this year by default; not with from and to) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The table: JSON, or the file of the format asked for */
            200: {
                headers: {
                    /** @description attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback */
                    "content-disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionsReport"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "text/csv": string;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeriodReport: {
        parameters: {
            query?: {
                /** @description json (the default) or a file to download in this format */
                format?: "json" | "csv" | "xlsx";
                /** @description First day of the period (with to; the current quarter without both) */
                from?: string;
                /** @description add a 排名 column */
                rank?: string;
                /** @description Last day of the period (with from) */
                to?: string;
                /** @description add a 合计 row */
                totals?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The table: JSON, or the file of the format asked for */
            200: {
                headers: {
                    /** @description attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback */
                    "content-disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodReport"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "text/csv": string;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getScoreReport: {
        parameters: {
            query?: {
                /** @description json (the default) or a file to download in this format */
                format?: "json" | "csv" | "xlsx";
                /** @description add a 排名 column */
                rank?: string;
                /** @description Last day counted, within the year (today, or the year’s end, by default) */
                through?: string;
                /** @description add a 合计 row */
                totals?: string;
                /** @description The year counted (this year by default) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The table: JSON, or the file of the format asked for */
            200: {
                headers: {
                    /** @description attachment, with the file’s Chinese name (RFC 6266 filename*) and an ASCII fallback */
                    "content-disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreReport"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "text/csv": string;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getScoringRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adopted: number;
                        inheritedFrom: number | null;
                        nationalAdopted: number;
                        submitted: number;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setScoringRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    adopted: number;
                    nationalAdopted: number;
                    submitted: number;
                };
            };
        };
        responses: {
            /** @description The rules as set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adopted: number;
                        inheritedFrom: number | null;
                        nationalAdopted: number;
                        submitted: number;
                        year: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    login: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description `nmg_session`: the session cookie (HttpOnly, SameSite=Lax; Secure when SECURE_COOKIES) */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            login: string;
                            mustChangePassword: boolean;
                            name: string;
                            role: string;
                            unitCode: string | null;
                        };
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    /** @description `nmg_session`: the session cookie (HttpOnly, SameSite=Lax; Secure when SECURE_COOKIES) */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubmissions: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; none for the first page */
                cursor?: string;
                /** @description Only items whose event date is on or after this day */
                from?: string;
                /** @description Items per page */
                limit?: number;
                /** @description Words to find in titles and bodies, separated by spaces: each must occur (substring, case-insensitive; 1 character or more) */
                q?: string;
                /** @description Only items in this state */
                state?: "draft" | "awaiting_signoff" | "submitted" | "adopted" | "forwarded_national" | "rejected" | "national_adopted" | "national_declined" | "withdrawn" | "expired";
                /** @description Only items whose event date is on or before this day */
                to?: string;
                /** @description Only this unit’s items (its code, e.g. 150600) */
                unitCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items and the cursor of the next one (null on the last page) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Submission"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSubmission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    body?: string;
                    /** Format: uuid */
                    commissionId?: string;
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    eventDate: string;
                    /**
                     * @default news
                     * @enum {string}
                     */
                    kind?: "news" | "case" | "report";
                    /** @default false */
                    major?: boolean;
                    title: string;
                    /**
                     * Format: uri
                     * @default null
                     */
                    wechatUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description The item an earlier request with the same Idempotency-Key made */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description The new draft */
            201: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    editSubmission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
                /** @description The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any */
                "if-match"?: string;
            };
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    /**
                     * Format: date
                     * @example 2024-05-20
                     */
                    eventDate?: string;
                    /** @enum {string} */
                    kind?: "news" | "case" | "report";
                    major?: boolean;
                    title?: string;
                    /** Format: uri */
                    wechatUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description The item after the edit */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the current version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    actOnSubmission: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the caller’s choice (a UUID): a request repeated with the same key and body answers as the first did, without acting twice */
                "idempotency-key"?: string;
                /** @description The ETag the caller last saw (`"N"`): the command applies only to that version, 412 otherwise; `*` matches any */
                "if-match"?: string;
            };
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "request_signoff" | "withdraw" | "sign_off" | "return" | "adopt" | "reject" | "return_for_revision" | "forward_national" | "record_national_adoption" | "record_national_decline" | "expire" | "mark_late" | "claim" | "unclaim" | "reassign" | "release_claim" | "recall";
                    /** @description sign_off: the approver confirms each of the five checks (五关); a missing or false one is refused (422 gates_unconfirmed) */
                    gates?: {
                        policy?: boolean;
                        political?: boolean;
                        secrecy?: boolean;
                        standards?: boolean;
                        wording?: boolean;
                    };
                    reason?: string;
                    signer?: string;
                    /**
                     * Format: uuid
                     * @description reassign: the active reviewer who takes the claim over
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description The item after the action, with the warnings of the quality checks where they ran */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match does not match the current version: `precondition_failed` */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the item passes, and every finding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passed: boolean;
                        results: {
                            code: string;
                            field: string;
                            message: string;
                            /** @enum {string} */
                            severity: "error" | "warning";
                        }[];
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubmissionComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comments, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"][];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addSubmissionComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The new comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubmissionHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The steps, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        actor: {
                            id: string;
                            name: string;
                            role: string;
                        };
                        at: string;
                        /** @description what else the step carried: the gates of a sign-off, a claim’s new holder, the photo added, removed or moved */
                        details: {
                            gates?: {
                                policy?: boolean;
                                political?: boolean;
                                secrecy?: boolean;
                                standards?: boolean;
                                wording?: boolean;
                            };
                            image?: {
                                caption?: string | null;
                                id: string;
                                position?: number;
                            };
                            order?: string[];
                            released?: {
                                id: string;
                                name: string | null;
                            };
                            to?: {
                                id: string;
                                name: string;
                            };
                        } | null;
                        from: string | null;
                        reason: string | null;
                        seq: number;
                        signer: string | null;
                        /** @description a comment’s text (action `comment`); null for every other step */
                        text: string | null;
                        to: string;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubmissionImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photos in their order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Photo"][];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadSubmissionImage: {
        parameters: {
            query?: {
                /** @description The photo’s caption (图注), when the form has no `caption` field */
                caption?: string;
            };
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": FormData;
            };
        };
        responses: {
            /** @description The stored photo with its own findings */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bytes: number;
                        caption: string | null;
                        /** @description This photo’s own findings (image_resolution, image_type) */
                        checks: {
                            code: string;
                            field: string;
                            message: string;
                            /** @enum {string} */
                            severity: "error" | "warning";
                        }[];
                        createdAt: string;
                        height: number;
                        id: string;
                        mime: string;
                        position: number;
                        width: number;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSubmissionImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
                /** @description Id (UUID) of the photo */
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The picture */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSubmissionImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
                /** @description Id (UUID) of the photo */
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSubmissionImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the item */
                id: string;
                /** @description Id (UUID) of the photo */
                imageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    caption?: string | null;
                    position?: number;
                };
            };
        };
        responses: {
            /** @description The photo after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Photo"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page; none for the first page */
                cursor?: string;
                /** @description Only items past (true) or within (false) their reporting deadline */
                late?: "true" | "false";
                /** @description Items per page */
                limit?: number;
                /** @description Only items in this state (of those the caller’s queue holds) */
                state?: "draft" | "awaiting_signoff" | "submitted" | "adopted" | "forwarded_national" | "rejected" | "national_adopted" | "national_declined" | "withdrawn" | "expired";
                /** @description Only this unit’s items */
                unitCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items and the cursor of the next one (null on the last page), and the waiting commissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description commissions (约稿) waiting for the caller, soonest due first: on the first page only, none when a state is asked for */
                        commissions: components["schemas"]["CommissionTask"][];
                        items: components["schemas"]["Submission"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    claimTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item with its new claim */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unclaimTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item with its new claim */
            200: {
                headers: {
                    /** @description The item’s version as `"N"`: send it back in If-Match to change this version only */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Submission"];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommissionTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The waiting assignments, soonest due first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommissionTask"][];
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        kind: string;
                        name: string;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        disabled: boolean;
                        id: string;
                        login: string | null;
                        mustChangePassword: boolean;
                        name: string;
                        role: string;
                        unitCode: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    initialPassword?: string;
                    login?: string;
                    name: string;
                    /** @enum {string} */
                    role: "editor" | "approver" | "reviewer" | "manager" | "admin";
                    unitCode?: string;
                };
            };
        };
        responses: {
            /** @description The new user (with the token of an integration account) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        login: string | null;
                        name: string;
                        role: string;
                        token: string | null;
                        unitCode: string | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state: `invalid_transition`, `version_conflict`, `claimed_by_other` and the other codes of the table */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    initialPassword: string;
                };
            };
        };
        responses: {
            /** @description Reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Understood but refused by a rule of the work: `quality_check_failed`, `gates_unconfirmed`, `event_date_stale` and the other codes of the table */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientAddress: string | null;
                        createdAt: string;
                        endedAt: string | null;
                        endReason: string | null;
                        expiresAt: string;
                        id: string;
                        lastSeenAt: string;
                        userAgent: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    endUserSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the user */
                id: string;
                /** @description Id (UUID) of the user’s session or token */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateUserToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        token: string;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        revokedAt: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeUserToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the user */
                id: string;
                /** @description Id (UUID) of the user’s session or token */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        unitCode: string | null;
                        url: string;
                        /** @description Only webhooks registered before they became admin-only belong to a user */
                        userId: string | null;
                    }[];
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unitCode: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description The webhook, with its signing secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        id: string;
                        secret: string;
                        unitCode: string | null;
                        url: string;
                        /** @description Only webhooks registered before they became admin-only belong to a user */
                        userId: string | null;
                    };
                };
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large: `payload_too_large`, `too_many_files` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body’s Content-Type is not one this operation takes: `unsupported_media_type` (details name those accepted) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id (UUID) of the resource the path names */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: `validation_failed` (see details), `unknown_query_parameter`, `invalid_text`, `invalid_url`, `invalid_cursor` and the like */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in: `unauthenticated` (no, an unknown or an ended token or session) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Refused: `forbidden` (the caller’s role may not do this), `password_change_required`, `cross_site_request` (a cookie write from another site) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to the caller: `not_found` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long: `uri_too_long` */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed authentications from this address: `too_many_auth_failures`, `sign_in_locked` */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An error of the service: `internal_error` */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Postgres or Redis is out of reach, or the feature is not available in this process: `service_unavailable`, `unavailable` */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
