"""Reading a recruiter's email pasted as text: which application it is about, what it says, and the change it calls for.

Pure: the text, the search, the moment and the time zone in; an `Understanding` out, with the phrases it relied
on. Nothing is sent anywhere and nothing is downloaded: the rules are the phrase lists below, each phrase with a
weight, written to be read and corrected. The person sees the reasons and confirms or corrects before anything
is saved (`nextyes paste`).

Only the standard library and dateutil are loaded here; the models come with the search that is passed in.
"""

from __future__ import annotations

import html
import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, relativedelta, weekday

from tui.core.days import WEEKDAYS, describe_day
from tui.core.kinds import InterviewKind, Stage

if TYPE_CHECKING:
    from tui.core.models import Application
    from tui.core.search import JobSearch

LONGEST_EMAIL = 200_000  # characters read; a pasted email is a few thousand, a whole mailbox is not one email
MIN_SCORE = 2.5  # the least a kind, or an application, needs before it is believed


class EmailKind(StrEnum):
    """What an email says, as far as the rules can tell."""

    REJECTION = "rejection"
    INVITATION = "invitation"
    REQUEST = "request"
    OFFER = "offer"
    RECEIVED = "received"
    UNKNOWN = "unknown"


# How each kind is said in a sentence: "It says: a no".
KIND_WORDS = {
    EmailKind.REJECTION: "a no",
    EmailKind.INVITATION: "an interview invitation",
    EmailKind.REQUEST: "a request for something",
    EmailKind.OFFER: "an offer",
    EmailKind.RECEIVED: "an automatic “we received your application”",
    EmailKind.UNKNOWN: "nothing nextyes can act on",
}


@dataclass(frozen=True)
class Reason:
    """A phrase found in the email and what it was taken to mean."""

    phrase: str
    means: str


# --- the changes an email can call for ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MoveStage:
    """Move the application to `stage`; after a no, the comeback follows (recovery days, feedback, the bridge)."""

    stage: Stage
    comeback: bool = False


@dataclass(frozen=True)
class ScheduleInterview:
    """Book the interview they invited to, at `at` (in the person's zone), with the people named."""

    at: datetime
    kind: InterviewKind = InterviewKind.OTHER
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class SetNextStep:
    """Keep what they asked for (or that a time is to be agreed) as the application's next step, due `on`."""

    text: str
    on: date


@dataclass(frozen=True)
class NoChange:
    """Nothing to record; `why` says so in a sentence."""

    why: str


Proposal = MoveStage | ScheduleInterview | SetNextStep | NoChange


# --- what the email says, apart from the decision -----------------------------------------------------------------


@dataclass(frozen=True)
class Details:
    """What the email names, whatever kind it is finally taken for: its times, people and asks."""

    at: datetime | None = None  # the interview's start, when a day and a time were found
    day: date | None = None  # the interview's day, when only a day was found
    slots: int = 0  # how many day-and-time pairs were offered: `at` is the first
    interview_kind: InterviewKind = InterviewKind.OTHER
    people: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()  # what a request asks for: "references", "your portfolio"
    next_step: str = ""  # the next step a request calls for: "Send your references"
    by: date | None = None  # the day a request is due, when said


@dataclass(frozen=True)
class Understanding:
    """What `read_email` made of an email: its kind, its application, the change proposed, and why."""

    kind: EmailKind
    application: Application | None
    proposed: Proposal
    reasons: tuple[Reason, ...]
    candidates: tuple[Application, ...] = ()  # tied for the application when it could not be told
    details: Details = field(default_factory=Details)
    sender: str = ""
    subject: str = ""
    sent_at: datetime | None = None
    today: date | None = None  # the day it was read, for the next step of a request with no day named

    @property
    def kind_reasons(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if not reason.means.startswith(APPLICATION_MEANING))

    @property
    def application_reasons(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.means.startswith(APPLICATION_MEANING))


APPLICATION_MEANING = "which application: "  # the start of every reason about which application it is


# --- the rules: phrases and their weights -------------------------------------------------------------------------
# Each phrase is a regular expression in which a space stands for any run of white space. A phrase counts once,
# however often it appears; a kind's score is the sum of its phrases' weights.


@dataclass(frozen=True)
class Cue:
    phrase: str
    weight: float
    means: str

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.phrase)


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(phrase: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(phrase)
    if pattern is None:
        pattern = re.compile(r"(?<![\w])" + phrase.replace(" ", r"\s+") + r"(?![\w])", re.IGNORECASE)
        _PATTERNS[phrase] = pattern
    return pattern


def _cues(means: str, *phrases: tuple[str, float]) -> tuple[Cue, ...]:
    return tuple(Cue(phrase, weight, means) for phrase, weight in phrases)


# Said about an interview already held, or about the application itself: these phrases are set aside before
# anything else is looked for, so "thank you for interviewing with us" is not read as an invitation.
PAST = _cues(
    "said of what already happened",
    (
        r"thank(?:s| you) (?:again )?for (?:your time|taking the time|(?:coming in|interviewing|speaking|meeting)"
        r"(?: with (?:us|me|the team))?)(?: to (?:interview|speak|meet|talk)(?: with (?:us|me|the team))?)?",
        0,
    ),
    (r"after (?:your|the|our) (?:\w+ )?(?:interviews?|conversations?|calls?|meetings?)", 0),
    (r"(?:enjoyed|appreciated) (?:speaking|meeting|talking|getting to know)", 0),
    (r"(?:your|the) (?:\w+ )?interviews? (?:last|on|earlier|yesterday)", 0),
)

# fmt: off
REJECTION = _cues(
    "a no",
    ("unfortunately", 2),
    (r"regret(?:fully)? to (?:inform|let you know|tell you|say)", 3),
    (r"(?:not|won't|wouldn't|don't|can't|no longer) (?:be )?(?:moving|move|proceeding|proceed|progressing|progress"
     r"|going|go|taking|take|continuing|continue)(?: your (?:application|candidacy))? (?:forward|ahead|further)", 3),
    (r"(?:decided|chosen|chose|opted|elected) (?:to )?(?:move|go|proceed|continue|progress) (?:forward |ahead )?with"
     r" (?:other|another|a different|a more suitable|more suitable|a stronger|someone|somebody|a candidate who)", 3),
    (r"(?:gone|went|going|go) with (?:another|a different|an internal|a more experienced|someone else) (?:candidate"
     r"|applicant|person|profile)", 3),
    (r"not to (?:progress|proceed with|move forward with|advance|continue with|take forward) your (?:application"
     r"|candidacy|candidature)", 3),
    (r"(?:pursue|pursuing|proceed with|progress with|go with|going with|moving forward with) (?:other|another"
     r"|a different|more suitable|a more suitable) (?:candidates?|applicants?|profiles?|person)", 3),
    (r"other (?:candidates|applicants) (?:whose|who) (?:experience|skills|background|profiles?|more closely)", 2),
    (r"(?:was|were|is|has been|have been) not (?:successful|selected|shortlisted)", 3),
    (r"(?:application|candidacy|candidature) (?:was |has been |is )?(?:unsuccessful|not successful)", 3),
    (r"not (?:been )?(?:selected|shortlisted)", 2.5),
    (r"(?:position|role|vacancy|opening|job) (?:has been|was|is now|is) (?:filled|closed|cancelled|put on hold)", 3),
    (r"no longer (?:considering|being considered|under consideration)", 3),
    (r"not (?:quite )?(?:a|the right|the best|a good) (?:match|fit)", 2),
    (r"(?:will|can|could|shall) not (?:continue|proceed|go further) with your (?:application|candidacy)", 3),
    (r"(?:cannot|can't|can not|are unable to|are not able to|won't be able to) (?:offer|make) you", 3),
    (r"not (?:to )?(?:invite|offer) you", 3),
    (r"(?:decided|chosen|chose) not to", 2),
    (r"keep your (?:cv|resume|résumé|details|profile|information|application) on (?:file|record)", 1.5),
    (r"(?:wish|wishing) you (?:the (?:very )?best|every success|all the best|success|luck|good luck|well)", 1.5),
    (r"(?:future|other) (?:opportunities|openings|vacancies|roles|positions)", 1),
    (r"after careful (?:consideration|review|deliberation|thought)", 1),
    (r"(?:we are|we're|we were|i am|i'm) (?:so |very )?(?:sorry|sad) to (?:say|tell|inform|let)", 2),
    (r"(?:different|another) direction", 2),
    (r"(?:hard|difficult|tough) decision", 1),
    (r"(?:did not|didn't) (?:make it|get through|pass)", 2.5),
    (r"(?:i'm|i am|we're|we are) afraid", 1),
)

INVITATION = _cues(
    "an invitation",
    (r"invit(?:e|ing|ation)(?: you)? (?:to|for) (?:an? |the |our |your )?(?:[\w-]+ ){0,3}(?:interviews?|calls?"
     r"|chat|conversation|meeting|screen|round|session|onsite|on-site|visit)", 3.5),
    (r"interview invitation|invitation to (?:an )?interview", 3.5),
    (r"(?:would|we'd|i'd|we) (?:like|love|want) to (?:schedule|arrange|set up|book|invite you|meet|speak|talk|chat"
     r"|have a (?:call|chat|conversation))", 2.5),
    (r"(?:schedule|arrange|set up|book|organise|organize) (?:an? |the |your |a short )?(?:[\w-]+ ){0,2}"
     r"(?:interview|call|chat|meeting|screen)", 2),
    (r"(?:phone|video|technical|tech|coding|onsite|on-site|in-person|first|second|third|final|next|hiring"
     r" manager|panel|intro|introductory|screening|follow-up|30-minute|45-minute|one-hour) (?:round|interview"
     r"|call|screen|conversation|chat)", 1.5),
    (r"(?:are|would) you (?:be )?(?:available|free)", 1.5),
    (r"(?:does|would|will|could) (?:that|this|it|the time|either|one of these)(?: time| slot)? (?:work|suit)"
     r"(?: for)? you", 1.5),
    (r"(?:calendar|meeting|teams|zoom) (?:invite|invitation|link)", 2),
    (r"zoom|google meet|microsoft teams|meet\.google\.com|webex", 1),
    (r"(?:pick|choose|book|select|grab) (?:a |one )?(?:time|slot)|calendly", 2),
    (r"looking forward to (?:meeting|speaking|talking|chatting|seeing) (?:with )?you", 1.5),
    (r"(?:next|following) (?:step|stage|round)s? (?:in|of) (?:the|our) (?:process|hiring|recruitment|interview)", 1),
    (r"(?:move|moving|progress|advance|take|invite) (?:you )?(?:forward|ahead|on|further|through) to (?:the )?"
     r"(?:next|second|third|final|interview)", 2.5),
    (r"(?:you will|you'll|you would|you are going to) (?:meet|speak|talk|be speaking|be meeting|have a call)", 1.5),
    (r"(?:would|do|does|will) (?:this|that|the following|any of these|one of these) (?:time|slot|date)s? suit", 1.5),
    (r"see you (?:on|then|next|there)", 1.5),
    (r"(?:confirm|confirming) (?:your|the) (?:interview|call|attendance|slot)", 2),
    (r"(?:work|suit you) for (?:a|an|the|our) (?:quick |short |first |video )?(?:call|chat|interview|meeting"
     r"|conversation)", 2),
)

OFFER = _cues(
    "an offer",
    (r"(?:pleased|delighted|happy|thrilled|excited|glad) to (?:offer|extend|make|present)(?: to)?(?: you)?"
     r" (?:an? |the |our )?(?:formal |official |written |job |verbal |conditional )?(?:offer|position|role|job)", 4),
    (r"offer letter|letter of offer|offer of employment|employment offer|job offer|formal offer|written offer"
     r"|verbal offer|conditional offer", 3),
    (r"(?:offer|offering) you (?:the|a|this|our) (?:[\w-]+ ){0,3}(?:position|role|job|contract|post)", 3),
    (r"(?:would|we'd|i'd) (?:like|love) to offer you", 3),
    (r"(?:base )?(?:salary|compensation|package) of", 1.5),
    (r"(?:start|starting|commencement) date", 1),
    (r"(?:accept|sign|countersign|signed) (?:the|this|our|your) offer", 2),
    (r"welcome (?:you )?(?:to the team|aboard|on board)", 1.5),
    (r"congratulations", 1),
    (r"equity|stock options|signing bonus|sign-on bonus|rsus?", 1),
)

REQUEST = _cues(
    "a request",
    (r"(?:could|can|would|will) you (?:please |kindly |also )?(?:send|share|provide|forward|submit|complete"
     r"|fill (?:in|out)|upload|let (?:us|me) (?:know|have)|tell (?:us|me))", 2),
    (r"please (?:also )?(?:send|share|provide|forward|submit|complete|fill (?:in|out)|upload|attach|email)", 2),
    (r"kindly (?:send|share|provide|forward|submit|complete|fill)", 2),
    (r"would you mind (?:sending|sharing|providing|forwarding|filling|completing|uploading)", 2),
    (r"(?:we|i) (?:need|require|would need|will need|still need) (?:your|a|the|some|two|three|2|3)", 1.5),
    (r"(?:we'd|we would|i'd|i would) (?:like|love) to (?:see|receive|get|have) (?:your|a|some)", 1.5),
    (r"(?:we'd|we would|i'd|i would) like you to (?:send|share|provide|complete|fill|submit|do)", 2),
    (r"(?:ask|asking|request|requesting) (?:you )?(?:for|to send|to share|to provide)", 1.5),
)

RECEIVED = _cues(
    "an automatic reply",
    (r"(?:we )?(?:have )?(?:successfully )?received your (?:job )?(?:application|candidature|candidacy|cv)", 3),
    (r"(?:confirm|acknowledge) (?:the )?(?:receipt|reception) of your (?:application|candidature|candidacy|cv)", 3),
    (r"(?:confirm|let you know) (?:that )?we (?:have|got) your (?:application|cv)", 3),
    (r"(?:your )?application (?:has been |was |is )?(?:successfully )?(?:received|submitted)", 3),
    (r"thank(?:s| you) for (?:applying|your application|submitting your application|your interest)", 1),
    (r"(?:this is an? )?(?:automated|automatic|auto-generated|system-generated) (?:message|reply|response|email"
     r"|confirmation|notification)", 1.5),
    (r"(?:do not|don't|please do not|please don't) reply", 1),
    (r"(?:will|we'll|i'll|they'll|shall) (?:now )?(?:carefully )?(?:review|be reviewing|look at|assess|consider"
     r"|go through) (?:your|it|all|the)", 1.5),
    (r"if (?:your|you) (?:profile|experience|background|skills|qualifications|application) (?:matches?|fits?"
     r"|meets?|are a match|is a match|is a good fit)", 2),
    (r"(?:be|get) (?:back )?in touch (?:with you )?(?:if|should|in the coming|within|shortly|soon)", 1.5),
    (r"(?:under|in) review", 1),
    (r"(?:application|submission) (?:confirmation|receipt)", 2),
)

# Mail that is none of the above: newsletters, job alerts, marketing. Enough of these and nothing is proposed.
NEWSLETTER = _cues(
    "a newsletter or an alert",
    ("unsubscribe", 3),
    (r"view (?:it |this email |this message )?(?:in|on) (?:your |a |the )?(?:browser|web)", 2),
    (r"job alerts?", 3),
    (r"(?:new )?(?:jobs|roles|positions|openings) (?:you might|you may|we think you|recommended for you"
     r"|matching your|that match)", 2.5),
    (r"newsletter|webinar|digest|this week in|top stories", 2),
    (r"(?:manage|update|change) (?:your )?(?:email )?(?:preferences|subscriptions?|notification settings)", 2),
    (r"you (?:are|were) receiving this (?:email|message|because)", 2.5),
    (r"% off|discount|promo code|free trial|register now|save your seat", 2),
)
# fmt: on

# In this order when two kinds score the same: the one that matters most to get right first.
KIND_RULES: tuple[tuple[EmailKind, tuple[Cue, ...]], ...] = (
    (EmailKind.OFFER, OFFER),
    (EmailKind.REJECTION, REJECTION),
    (EmailKind.INVITATION, INVITATION),
    (EmailKind.REQUEST, REQUEST),
    (EmailKind.RECEIVED, RECEIVED),
)

# What a request asks for: the phrase, what it is in words, and the next step it makes.
# fmt: off
REQUEST_TOPICS = (
    (r"references?|referees?", "references", "Send your references"),
    (r"portfolio|work samples?|case stud(?:y|ies)|code samples?|writing samples?", "your portfolio or samples",
     "Send your portfolio"),
    (r"salary (?:expectations?|requirements?|range)|expected salary|compensation expectations?|desired salary",
     "your salary expectations", "Reply with your salary expectations"),
    (r"notice period|earliest (?:possible )?start(?:ing)? date|when you (?:could|can) start",
     "your notice period", "Reply with your notice period"),
    (r"right to work|work (?:permit|authori[sz]ation)|visa status|proof of (?:identity|address)|passport"
     r"|id documents?", "documents (right to work, ID)", "Send the documents they asked for"),
    (r"take-home|home assignment|(?:coding|technical|case) (?:challenge|exercise|test|assignment|task)",
     "an assignment", "Do the assignment they sent"),
    (r"questionnaire|(?:application|candidate|short|online) form", "a form", "Fill in the form they sent"),
    (r"transcripts?|diplomas?|degree certificates?", "transcripts or certificates",
     "Send your transcripts or certificates"),
    (r"(?:updated|latest|recent|current|new) (?:cv|resume|résumé)|(?:cv|resume|résumé) (?:in|as a) (?:pdf|word)",
     "an updated résumé", "Send an updated résumé"),
    (r"background check|consent form", "background check forms", "Complete the background check forms"),
    (r"(?:your )?availability", "your availability", "Reply with your availability"),
)
# fmt: on

# How an interview is told apart, most specific first.
INTERVIEW_KIND_CUES = (
    (InterviewKind.PANEL, r"panel"),
    (
        InterviewKind.TECHNICAL,
        r"technical (?:interview|round|session|call)|coding|pair(?:-| )programming|system design|live cod\w+"
        r"|whiteboard|tech (?:interview|round|screen)",
    ),
    (
        InterviewKind.ON_SITE,
        r"on-?site|in person|in-person|at our (?:office|offices|headquarters|hq|studio)|visit (?:us|our)"
        r"|come (?:in|by) (?:to|at) our",
    ),
    (
        InterviewKind.PHONE,
        r"phone (?:call|screen|interview|conversation|chat)|by phone|over the phone|call you on"
        r"|telephone (?:interview|call)|phone number",
    ),
)

# Mail services and hiring systems: their domain says nothing of the employer.
MAIL_SERVICES = frozenset(
    {
        "gmail", "googlemail", "google", "outlook", "hotmail", "live", "msn", "yahoo", "icloud", "me", "proton",
        "protonmail", "aol", "gmx", "web", "mail", "fastmail", "zoho", "greenhouse", "greenhouse-mail", "lever",
        "hire", "myworkday", "myworkdayjobs", "workday", "smartrecruiters", "ashbyhq", "ashby", "workable",
        "workablemail", "teamtailor", "teamtailor-mail", "personio", "recruitee", "bamboohr", "icims", "jobvite",
        "linkedin", "indeed", "successfactors", "taleo", "breezy", "jazzhr", "pinpointhq", "rippling", "comeet",
        "homerun", "join", "welcometothejungle", "stepstone", "glassdoor", "talent", "careers", "jobs", "hr",
        "recruiting", "recruitment", "notifications", "notification", "noreply", "no-reply", "email", "mailer",
        "us", "eu", "app", "apply", "info", "news", "co", "com", "org", "net", "io",
    }
)  # fmt: skip

# Capitalised words that are not people's names, around "meet with …".
NOT_NAMES = frozenset(
    {
        "zoom", "google", "meet", "microsoft", "teams", "team", "our", "the", "a", "an", "and", "you", "us", "me",
        "head", "lead", "manager", "engineering", "data", "product", "design", "hiring", "talent", "hr", "cto",
        "ceo", "cfo", "vp", "director", "recruiter", "recruiting", "people", "office", "video", "phone", "call",
        "interview", "panel", "technical", "senior", "staff", "principal", "founder", "co-founder", "i", "we",
        "mr", "mrs", "ms", "dr", "this", "that", "next", "week", "today", "tomorrow", "please", "thanks",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "cet", "cest", "gmt", "utc", "bst", "est", "pst", "edt", "pdt", "both", "them",
        *WEEKDAYS,
    }
)  # fmt: skip

ZONE_NAMES = {
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "berlin": "Europe/Berlin", "paris": "Europe/Paris",
    "amsterdam": "Europe/Amsterdam", "madrid": "Europe/Madrid", "vienna": "Europe/Vienna", "warsaw": "Europe/Warsaw",
    "gmt": "Europe/London", "bst": "Europe/London", "uk": "Europe/London", "london": "Europe/London",
    "utc": "UTC", "dublin": "Europe/Dublin", "lisbon": "Europe/Lisbon", "wet": "Europe/Lisbon",
    "eet": "Europe/Helsinki", "eest": "Europe/Helsinki", "helsinki": "Europe/Helsinki",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York", "eastern": "America/New_York",
    "new york": "America/New_York", "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "central": "America/Chicago", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles", "ist": "Asia/Kolkata",
    "sgt": "Asia/Singapore", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "sydney": "Australia/Sydney",
}  # fmt: skip


# --- reading the text --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Email:
    """An email taken apart: who sent it, when, about what, and the words of the message itself."""

    sender: str = ""  # as written: 'Dana Ruiz <dana@quill-labs.com>'
    address: str = ""  # dana@quill-labs.com
    subject: str = ""
    date_line: str = ""
    body: str = ""

    @property
    def sender_name(self) -> str:
        name = self.sender.split("<", 1)[0].strip().strip('"').strip("'").strip()
        return "" if "@" in name else name


HEADER = re.compile(r"^[ \t*]*(from|to|cc|bcc|subject|date|sent|reply-to)[ \t*]*:[ \t*]*(.*)$", re.IGNORECASE)
FORWARDED = re.compile(
    r"^\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?|-{2,}\s*forwarded by .*|fwd?:\s*-{3,})\s*$",
    re.IGNORECASE,
)
REPLIED = re.compile(
    r"^\s*(?:-{2,}\s*original message\s*-{2,}|_{8,}|on .{4,120} wrote:|le .{4,120} a écrit\s*:)\s*$",
    re.IGNORECASE,
)
ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def clean_text(text: str) -> str:
    """The text as a person would read it: line ends one kind, leftovers of HTML and mail encodings undone."""
    text = text[:LONGEST_EMAIL].replace("\r\n", "\n").replace("\r", "\n")
    if len(re.findall(r"=\n|=[0-9A-F]{2}", text)) >= 3:  # quoted-printable left undecoded by a copy
        text = quopri.decodestring(text.encode("utf-8", "replace")).decode("utf-8", "replace")
    text = re.sub(r"(?is)<(style|script|head)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?i)<br\s*/?>|</(?:p|div|tr|li|h\d|table|blockquote)\s*>|<(?:p|li|tr)\b[^>\n]{0,300}>", "\n", text)
    text = re.sub(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>", "", text)  # not '<dana@quill-labs.com>'
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = html.unescape(text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u200b-\u200d\u2060\ufeff\u00ad]", "", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[^\S\n]+", " ", text)


def parse_email(text: str) -> Email:
    """Headers (From, Subject, Date) from the top and from a forwarded block; the message without quoted replies."""
    lines = clean_text(text).split("\n")
    unquoted = [line for line in lines if not line.lstrip().startswith(">")]
    if len(" ".join(line for line in unquoted if not HEADER.match(line)).split()) < 5:
        lines = [re.sub(r"^\s*(?:>\s?)+", "", line) for line in lines]  # all of it was quoted: read the quote
    else:
        lines = unquoted
    headers: dict[str, str] = {}
    forwarded = [number for number, line in enumerate(lines) if FORWARDED.match(line)]
    start = _read_headers(lines, 0, headers)
    if forwarded:
        start = _read_headers(lines, forwarded[-1] + 1, headers)
    body_lines = lines[start:]
    replied = next((number for number, line in enumerate(body_lines) if REPLIED.match(line)), None)
    if replied is not None and " ".join(body_lines[:replied]).strip():
        body_lines = body_lines[:replied]
    sender = headers.get("from", "")
    found = ADDRESS.search(sender) or ADDRESS.search(headers.get("reply-to", ""))
    return Email(
        sender=sender,
        address=found.group(0).lower() if found else "",
        subject=re.sub(r"^(?:\s*(?:re|fwd?|aw|wg|tr)\s*:)+\s*", "", headers.get("subject", ""), flags=re.IGNORECASE),
        date_line=headers.get("date", headers.get("sent", "")),
        body="\n".join(line.strip() for line in body_lines).strip(),
    )


def _read_headers(lines: list[str], start: int, headers: dict[str, str]) -> int:
    """Read the header lines from `start` (blank lines before them skipped) into `headers`; where the rest begins."""
    number = start
    while number < len(lines) and not lines[number].strip():
        number += 1
    first = number
    while number < len(lines):
        match = HEADER.match(lines[number])
        if match is None:
            break
        headers[match.group(1).lower()] = match.group(2).strip()
        number += 1
    return number if number > first else start


def sent_on(email: Email, zone: ZoneInfo) -> datetime | None:
    """When the email was sent, from its Date line: aware, in `zone` when the line names no offset."""
    if not email.date_line:
        return None
    line = re.sub(r"\s+at\s+", " ", email.date_line)
    try:
        parsed = date_parser.parse(line, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if not 2000 <= parsed.year <= 2099:
        return None
    return parsed.replace(tzinfo=zone) if parsed.tzinfo is None else parsed.astimezone(zone)


# --- which kind --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    cue: Cue
    phrase: str  # as written in the email
    start: int
    end: int


def _find(cues: Iterable[Cue], text: str) -> list[Found]:
    """The phrases of `cues` in `text`, weightiest first; one that overlaps a weightier one is the same words
    said once, and counts once."""
    found: list[Found] = []
    for cue in sorted(cues, key=lambda cue: -cue.weight):
        match = cue.pattern.search(text)
        if match is not None and not any(f.start < match.end() and match.start() < f.end for f in found):
            found.append(Found(cue, " ".join(match.group(0).split()), match.start(), match.end()))
    return found


def _set_aside(cues: Iterable[Cue], text: str) -> str:
    """`text` with every phrase of `cues` blanked out (same length): the other rules do not see them."""
    for cue in cues:
        text = cue.pattern.sub(lambda match: " " * len(match.group(0)), text)
    return text


def _score(found: list[Found]) -> float:
    return sum(each.cue.weight for each in found)


def _judge(text: str, has_time: bool) -> tuple[EmailKind, list[Found], list[Found]]:
    """The kind `text` reads as, the phrases that say so, and the newsletter phrases (when that is why not)."""
    text = _set_aside(PAST, text)
    rejection = _find(REJECTION, text)
    text = _set_aside(REJECTION, text)  # "cannot offer you", "not to invite you": a no, not an offer or invitation
    scores: dict[EmailKind, tuple[float, list[Found]]] = {EmailKind.REJECTION: (_score(rejection), rejection)}
    for kind, cues in KIND_RULES:
        if kind is not EmailKind.REJECTION:
            found = _find(cues, text)
            bonus = 1.0 if kind is EmailKind.INVITATION and has_time and found else 0.0
            if kind is EmailKind.REQUEST and found:
                topics = [_find_topic(pattern, text) for pattern, _, _ in REQUEST_TOPICS]
                bonus = min(2.0, sum(1.0 for topic in topics if topic))
            scores[kind] = (_score(found) + bonus, found)
    order = [kind for kind, _ in KIND_RULES]
    best = max(order, key=lambda kind: (scores[kind][0], -order.index(kind)))
    best_score, best_found = scores[best]
    noise = _find(NEWSLETTER, text)
    if _score(noise) >= 3 and _score(noise) >= best_score:
        return EmailKind.UNKNOWN, [], noise
    if best_score < MIN_SCORE:
        return EmailKind.UNKNOWN, [], []
    return best, best_found, []


def _find_topic(pattern: str, text: str) -> str:
    match = _compiled(pattern).search(text)
    return " ".join(match.group(0).split()) if match else ""


# --- which application -------------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Casefolded words, punctuation dropped: 'Quill-Labs, Inc.' reads 'quill labs inc'."""
    from tui.core.safety import normalise

    return normalise(text)


def _squashed(text: str) -> str:
    return _normalise(text).replace(" ", "")


@dataclass
class _Evidence:
    application: Application
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    role_named: bool = False

    def add(self, weight: float, phrase: str, means: str) -> None:
        self.score += weight
        self.reasons.append(Reason(phrase, APPLICATION_MEANING + means))


def _people_of(search: JobSearch, application: Application) -> list[str]:
    """The people met for `application` (its interviews) and the contacts there, each once."""
    names: list[str] = []
    for interview in search.interviews_for(application):
        names += interview.people
    names += [contact.name for contact in search.contacts_for(application)]
    return list(dict.fromkeys(name.strip() for name in names if len(name.strip()) >= 3))


def _which_application(
    search: JobSearch, email: Email
) -> tuple[Application | None, tuple[Application, ...], list[Reason]]:
    """The application the email is about, or the ones tied for it, and the reasons."""
    from tui.core.safety import company_name

    text = f"{email.subject}\n{email.sender_name}\n{email.body}"
    words = f" {_normalise(text)} "
    squashed_words = set(words.split())
    domain_labels = _domain_labels(email.address)
    local_part = _normalise(email.address.split("@", 1)[0].replace(".", " ")) if email.address else ""
    evidence = []
    for application in search.applications:
        seen = _Evidence(application)
        company = company_name(application.company)
        squashed = company.replace(" ", "")
        if company and (f" {company} " in words or (len(squashed) >= 5 and squashed in squashed_words)):
            seen.add(3, application.company, "the company's name")
        elif " " in company and len(first := company.split()[0]) >= 5 and f" {first} " in words:
            seen.add(1.5, first, "part of the company's name")
        for label in domain_labels:
            if len(squashed) >= 3 and (
                label == squashed or (len(label) >= 4 and (label in squashed or squashed in label))
            ):
                seen.add(3, email.address.split("@", 1)[1], "the sender's domain")
                break
        for person in _people_of(search, application):
            name = _normalise(person)
            if f" {name} " in words or (local_part and local_part == name):
                seen.add(2.5, person, "someone you know there")
        if not seen.score:
            continue  # a role alone ("Data Engineer") is named by job alerts and agencies too
        role = _normalise(application.role)
        role_core = " ".join(word for word in role.split() if word not in SENIORITY)
        if role and f" {role} " in words:
            seen.add(2.5, application.role, "the role")
            seen.role_named = True
        elif role_core and len(role_core) >= 6 and f" {role_core} " in words:
            seen.add(2, role_core, "the role")
            seen.role_named = True
        evidence.append(seen)
    _tell_apart_by_role(evidence, words)
    believed = sorted((e for e in evidence if e.score >= MIN_SCORE), key=lambda e: -e.score)
    if not believed:
        return None, (), []
    top = [e for e in believed if believed[0].score - e.score < 0.5]
    if len(top) > 1:
        still_open = [e for e in top if e.application.stage.is_pending or e.application.stage is Stage.SAVED]
        if len(still_open) == 1:
            chosen = still_open[0]
            chosen.reasons.append(Reason(chosen.application.role, APPLICATION_MEANING + "the one still open there"))
            return chosen.application, (), chosen.reasons
        return None, tuple(e.application for e in top), []
    return believed[0].application, (), believed[0].reasons


SENIORITY = frozenset({"senior", "junior", "sr", "jr", "lead", "staff", "principal", "mid", "level", "ii", "iii"})
ROLE_GENERIC = frozenset({"engineer", "developer", "manager", "analyst", "specialist", "and", "of", "the", "for", "a"})
JOB_WORDS = frozenset({"role", "position", "job", "opening", "vacancy", "team", "engineering", "post"})


def _tell_apart_by_role(evidence: list[_Evidence], words: str) -> None:
    """Two applications at one company and no role named in full: a word only one of their roles has decides."""
    by_company: dict[str, list[_Evidence]] = {}
    for seen in evidence:
        by_company.setdefault(_normalise(seen.application.company), []).append(seen)
    for group in by_company.values():
        if len(group) < 2 or any(seen.role_named for seen in group):
            continue
        roles = {id(seen): set(_normalise(seen.application.role).split()) - ROLE_GENERIC for seen in group}
        for seen in group:
            others = set().union(*(roles[id(other)] for other in group if other is not seen))
            generic = "|".join(set(_normalise(seen.application.role).split()) & ROLE_GENERIC | JOB_WORDS)
            for word in sorted(roles[id(seen)] - others):
                # "the data role", "data engineering": the word beside a word for a job, not "your data"
                said = re.search(rf" {re.escape(word)} (?:\w+ )?(?:{generic})", words)
                if len(word) >= 3 and said:
                    seen.add(1, said.group(0).strip(), "a word of the role")
                    break


def _domain_labels(address: str) -> list[str]:
    """The parts of the sender's domain that could name an employer: 'careers.quill-labs.com' gives 'quilllabs'."""
    if "@" not in address:
        return []
    labels = address.split("@", 1)[1].split(".")[:-1]  # the last is the top-level domain
    return [label.replace("-", "") for label in labels if label not in MAIL_SERVICES and len(label) >= 2]


# --- days and times ----------------------------------------------------------------------------------------------

MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
DATES = re.compile(
    rf"(?:\b(?P<wd1>{WEEKDAY})\.?,? (?:the )?)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m1>{MONTH})\b\.?"
    rf"(?:,? (?P<y1>20\d\d)\b)?"
    rf"|(?:\b(?P<wd2>{WEEKDAY})\.?,? )?\b(?P<m2>{MONTH})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y2>20\d\d)\b)?"
    rf"|\b(?P<iso>20\d\d-\d\d-\d\d)\b"
    rf"|(?:\b(?P<wd3>{WEEKDAY})\.?,? )?\b(?P<n1>\d{{1,2}})[./](?P<n2>\d{{1,2}})[./](?P<y3>(?:20)?\d\d)\b"
    rf"|\b(?P<rel>day after tomorrow|tomorrow|today|this (?:morning|afternoon|evening)|later today)\b"
    rf"|\b(?P<which>next|this|coming|on) (?P<wd4>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|\b(?P<wd5>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
    re.IGNORECASE,
)
ZONE_AFTER = re.compile(
    r" ?\(?(?P<tz>CES?T|GMT|UTC|BST|E[SD]T|P[SD]T|C[SD]T|ET|PT|CT|IST|SGT|AES?DT|AEST|EES?T|WET)\b(?:[+-]\d{1,2})?\)?"
    r"|,? \(?(?P<city>berlin|paris|amsterdam|madrid|vienna|warsaw|london|uk|dublin|lisbon|helsinki|new york"
    r"|eastern|central|pacific|sydney) time\)?",
    re.IGNORECASE,
)
TIMES = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.h](?P<mi>[0-5]\d))?\s?(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h2>[01]?\d|2[0-3])(?:[:h](?P<mi2>[0-5]\d)|\.(?P<mi3>[0-5]\d)(?![.\d]))(?!\d)(?! ?%)"
    r"(?:\s?(?:-|–|—|to|until)\s?\d{1,2}(?:[:.][0-5]\d)?\s?(?P<ap2>a\.?m\.?|p\.?m\.?)?)?"
    r"|\bbetween (?P<h4>\d{1,2})(?:[:.](?P<mi4>[0-5]\d))? and \d{1,2}(?:[:.][0-5]\d)?\s?(?P<ap4>a\.?m\.?|p\.?m\.?)"
    r"|\b(?P<noon>noon|midday)\b"
    r"|\b(?P<h3>\d{1,2}) o'clock\b",
    re.IGNORECASE,
)
DEADLINE_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\buntil|\btill|later than|deadline:?|\bdue:?|end of)\s*(?:the\s+)?$", re.I
)
INTERVIEW_WORDS = re.compile(
    r"interview|call|chat|meet|session|slot|conversation|available|visit|round|screen|onsite|on-site|video|zoom|teams",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    day: date | None = None
    clock: time | None = None
    zone: str = ""
    after_deadline_word: bool = False


def _dates(text: str, base: date) -> list[_Mention]:
    mentions = []
    for match in DATES.finditer(text):
        day = _read_date(match, base)
        if day is None:
            continue
        before = text[max(0, match.start() - 20) : match.start()]
        mentions.append(
            _Mention(
                match.start(),
                match.end(),
                match.group(0),
                day=day,
                after_deadline_word=bool(DEADLINE_BEFORE.search(before)),
            )
        )
    return mentions


def _read_date(match: re.Match[str], base: date) -> date | None:
    """The day a date mention names, read with dateutil; a day without a year is the next one from `base`."""
    group = match.groupdict()
    default = datetime(base.year, base.month, base.day)
    try:
        if group["rel"]:
            rel = group["rel"].lower()
            ahead = {"tomorrow": 1, "day after tomorrow": 2}.get(rel, 0)
            return base + timedelta(days=ahead)
        weekday_name = group["wd4"] or group["wd5"]
        if weekday_name:
            return _next_weekday(weekday_name, base)
        if group["iso"]:
            return date_parser.isoparse(group["iso"]).date()
        if group["n1"]:
            return _numeric_date(group, base)
        day, month, year = (
            (group["d1"], group["m1"], group["y1"]) if group["d1"] else (group["d2"], group["m2"], group["y2"])
        )
        read = date_parser.parse(f"{day} {month} {year or base.year}", default=default, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None
    if not (group["y1"] or group["y2"]) and read < base - timedelta(days=7):
        read = read.replace(year=read.year + 1) if not (read.month == 2 and read.day == 29) else read
    return read


def _next_weekday(name: str, base: date) -> date:
    """The first day named `name` after `base`: an email sent on Monday saying 'Monday' means the next one."""
    index = WEEKDAYS.index(name.lower().rstrip("s")) if name.lower().rstrip("s") in WEEKDAYS else 0
    return base + relativedelta(days=1, weekday=weekday(index)(+1))


def _numeric_date(group: dict[str, str | None], base: date) -> date | None:
    """'17/03/2026' or '03/17/26': read day first unless only month first makes sense, or the weekday says so."""
    first, second, year = int(group["n1"] or 0), int(group["n2"] or 0), int(group["y3"] or 0)
    year = year + 2000 if year < 100 else year
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    named = group["wd3"]
    if named:
        wanted = next((index for index, name in enumerate(WEEKDAYS) if name.startswith(named.lower()[:3])), None)
        readings = [reading for reading in readings if reading.weekday() == wanted] or readings
    return readings[0] if readings else None


def _times(text: str, taken: list[_Mention]) -> list[_Mention]:
    mentions = []
    for match in TIMES.finditer(text):
        if any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in taken):
            continue  # "16.03.2026" is a date, not a time
        clock = _read_time(match)
        if clock is not None:
            named = ZONE_AFTER.match(text, match.end())
            zone = (named.group("tz") or named.group("city") or "").lower() if named else ""
            end = named.end() if named else match.end()
            mentions.append(_Mention(match.start(), end, text[match.start() : end], clock=clock, zone=zone))
    return mentions


def _read_time(match: re.Match[str]) -> time | None:
    group = match.groupdict()
    if group["noon"]:
        return time(12, 0)
    if group["h3"]:
        hour, minute, half = int(group["h3"]), 0, ""
    elif group["h4"]:
        hour, minute, half = int(group["h4"]), int(group["mi4"] or 0), group["ap4"].lower().replace(".", "")
    elif group["h"]:
        hour, minute, half = int(group["h"]), int(group["mi"] or 0), group["ap"].lower().replace(".", "")
    else:
        hour, minute = int(group["h2"]), int(group["mi2"] or group["mi3"] or 0)
        half = (group["ap2"] or "").lower().replace(".", "")
        if half == "pm" and hour >= 12:
            half = ""
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    elif not half and 1 <= hour <= 6:
        hour += 12  # "at 3:30" in a working day is the afternoon
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _interview_time(text: str, base: date, zone: ZoneInfo) -> tuple[datetime | None, date | None, int, str]:
    """The interview's start (or only its day), how many times were offered, and the words naming it."""
    dates = [mention for mention in _dates(text, base) if mention.day is not None and mention.day >= base]
    times = _times(text, dates)
    pairs: list[tuple[_Mention, _Mention]] = []
    for clock in times:
        near = [d for d in dates if not d.after_deadline_word and _gap(d, clock) <= 80]
        if near:
            pairs.append((min(near, key=lambda d: (_gap(d, clock), d.start > clock.start)), clock))
    if pairs:
        day, clock = pairs[0]
        assert day.day is not None and clock.clock is not None
        named_zone = _zone_named(clock.zone) or zone
        at = datetime.combine(day.day, clock.clock, tzinfo=named_zone).astimezone(zone)
        first, last = sorted((day, clock), key=lambda mention: mention.start)
        words = text[first.start : last.end] if last.start - first.end <= 40 else f"{day.text} … {clock.text}"
        return at, None, len({(d.day, c.clock) for d, c in pairs}), " ".join(words.split())
    for mention in dates:
        sentence = _sentence_around(text, mention)
        if not mention.after_deadline_word and INTERVIEW_WORDS.search(sentence):
            return None, mention.day, 0, " ".join(mention.text.split())
    return None, None, 0, ""


def _gap(first: _Mention, second: _Mention) -> int:
    return max(second.start - first.end, first.start - second.end, 0)


def _sentence_around(text: str, mention: _Mention) -> str:
    start = max(
        text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start), text.rfind("?", 0, mention.start)
    )
    ends = [at for at in (text.find(mark, mention.end) for mark in ".?\n") if at != -1]
    return text[start + 1 : min(ends, default=len(text))]


def _zone_named(name: str) -> ZoneInfo | None:
    key = ZONE_NAMES.get(name)
    return ZoneInfo(key) if key else None


def _deadline(text: str, base: date) -> date | None:
    """The day a request is due by: 'by Friday', 'before 20 March', 'within 3 days', 'by the end of the week'."""
    for mention in _dates(text, base):
        if mention.after_deadline_word and mention.day is not None and mention.day >= base:
            return mention.day
    within = re.search(
        r"\bwithin (?:the next )?(\d{1,2}|one|two|three|four|five|a few|a couple of) (?:working |business )?days?",
        text,
        re.IGNORECASE,
    )
    if within:
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a few": 3, "a couple of": 2}
        amount = within.group(1).lower()
        return base + timedelta(days=int(amount) if amount.isdigit() else words[amount])
    if re.search(r"\b(?:end of (?:the|this) week|by the weekend)\b", text, re.IGNORECASE):
        return base + relativedelta(weekday=FR(+1))
    if re.search(r"\b(?:as soon as possible|asap|at your earliest convenience|today)\b", text, re.IGNORECASE):
        return base
    return None


# --- people and kinds of interview --------------------------------------------------------------------------------

TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.? )?"
NAME = TITLE + r"[A-Z][a-zA-Z'-]+(?: (?:van|de|von|der|da|di|le|al|del) [A-Z][a-zA-Z'-]+| [A-Z][a-zA-Z'-]+)?"
LEAD_IN = r"(?:(?:our|the|their|your) [A-Za-z ]{2,40}?,? )?"  # "our Head of Data, Lea Brandt"
ASIDE = r"(?: \([^)\n]{0,60}\)|, (?:our|the|a|who is|who's|one of our) [^,\n]{0,60},?)?"
PEOPLE = re.compile(
    rf"\b(?:with|meet|meeting|joined by|speak(?:ing)? (?:to|with)|interviewers?(?: will be| are| is)?:?|panel:)"
    rf" (?P<names>{LEAD_IN}{NAME}{ASIDE}(?:(?:,| and| &|, and) {LEAD_IN}{NAME}{ASIDE})*)"
)


def _people_named(text: str, known: list[str], application: Application | None) -> tuple[str, ...]:
    """The people the invitation says you will meet: after 'with', 'meet', 'joined by'; a first name known
    from the search is written out in full."""
    company_words = set(_normalise(application.company).split()) if application is not None else set()
    people: list[str] = []
    for match in PEOPLE.finditer(text):
        names = re.sub(r" \([^)]*\)|, (?:our|the|a|who is|who's|one of our) [^,]*,?", "", match.group("names"))
        names = re.sub(r"\b(?:our|the|their|your) [A-Za-z ]{2,40}?, (?=[A-Z])", "", names)
        names = re.sub(rf"\b{TITLE}", "", names)
        for name in re.split(r",? and |, | & ", names):
            words = [
                word for word in name.split() if word.lower() not in NOT_NAMES and word.lower() not in company_words
            ]
            if not words or words[0] != name.split()[0]:
                continue
            person = " ".join(words)
            full = (
                next((k for k in known if k.split()[0].lower() == person.lower()), None) if " " not in person else None
            )
            people.append(full or person)
    return tuple(dict.fromkeys(person for person in people if person))


def _interview_kind(text: str) -> InterviewKind:
    for kind, pattern in INTERVIEW_KIND_CUES:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return InterviewKind.OTHER


def _asked(text: str) -> tuple[tuple[str, ...], str, list[Reason]]:
    """What a request asks for, the next step it makes, and the phrases that said so."""
    asked, steps, reasons = [], [], []
    for pattern, what, step in REQUEST_TOPICS:
        phrase = _find_topic(pattern, text)
        if phrase:
            asked.append(what)
            steps.append(step)
            reasons.append(Reason(phrase, f"they ask for {what}"))
    if not steps:
        return (), "Reply to what they asked for", []
    if len(steps) == 1:
        return tuple(asked), steps[0], reasons
    return tuple(asked), f"{steps[0]}; also {', '.join(asked[1:])}", reasons


# --- the whole reading -------------------------------------------------------------------------------------------


def read_email(text: str, search: JobSearch, now: datetime, zone: ZoneInfo) -> Understanding:
    """What `text`, an email as pasted (headers optional), says and which application of `search` it is about.

    Days named without a date ('Tuesday', 'tomorrow') count from the email's Date line, or from `now` when
    it has none; times are on the clock of `zone` unless the email names another ('14:00 CET').
    """
    email = parse_email(text)
    sent = sent_on(email, zone)
    base = (sent or now.astimezone(zone)).date()
    reading = f"{email.subject}\n{email.body}"
    at, day, slots, when_words = _interview_time(reading, base, zone)
    kind, found, noise = _judge(reading, has_time=at is not None)
    application, candidates, application_reasons = _which_application(search, email)
    if noise:  # a newsletter or an alert that names a company is still not about your application there
        application, candidates, application_reasons = None, (), []
    known = _people_of(search, application) if application is not None else []
    asked, next_step, asked_reasons = _asked(_set_aside(REJECTION, reading))
    details = Details(
        at=at,
        day=day,
        slots=slots,
        interview_kind=_interview_kind(reading),
        people=_people_named(reading, known, application),
        asked=asked,
        next_step=next_step,
        by=_deadline(reading, base),
    )
    reasons = [Reason(each.phrase, each.cue.means) for each in found[:4]]
    reasons += [Reason(each.phrase, f"reads like {each.cue.means}") for each in noise[:3]]
    if kind is EmailKind.INVITATION and when_words:
        reasons.append(Reason(when_words, "the interview's day and time" if at else "the interview's day"))
    if kind is EmailKind.REQUEST:
        reasons += asked_reasons[:3]
    reasons += application_reasons
    understanding = Understanding(
        kind=kind,
        application=application,
        proposed=NoChange(""),
        reasons=tuple(reasons),
        candidates=candidates,
        details=details,
        sender=email.sender,
        subject=email.subject,
        sent_at=sent,
        today=now.astimezone(zone).date(),
    )
    return replace(understanding, proposed=propose(understanding, search, now))


def corrected(
    understanding: Understanding,
    search: JobSearch,
    now: datetime,
    *,
    kind: EmailKind | None = None,
    application: Application | None = None,
    at: datetime | None = None,
) -> Understanding:
    """The understanding with what the person corrected: the kind, the application, the interview's start."""
    changes: dict[str, object] = {}
    if kind is not None and kind is not understanding.kind:
        changes["kind"] = kind
        changes["reasons"] = (Reason(kind.value, "as you said"), *understanding.application_reasons)
    if application is not None:
        changes["application"] = application
        changes["candidates"] = ()
        kept = changes.get("reasons", understanding.reasons)
        assert isinstance(kept, tuple)
        changes["reasons"] = (
            *(reason for reason in kept if not reason.means.startswith(APPLICATION_MEANING)),
            Reason(application.short_id, APPLICATION_MEANING + "as you said"),
        )
    if at is not None:
        changes["details"] = replace(understanding.details, at=at, day=None, slots=1)
    fixed = replace(understanding, **changes)  # type: ignore[arg-type]
    return replace(fixed, proposed=propose(fixed, search, now))


def propose(understanding: Understanding, search: JobSearch, now: datetime) -> Proposal:
    """The change the email calls for, given its kind, its application and what it names."""
    kind, application, details = understanding.kind, understanding.application, understanding.details
    today = understanding.today or now.date()
    if kind is EmailKind.RECEIVED:
        return NoChange("an automatic reply changes nothing: follow-ups still count from the day you applied")
    if kind is EmailKind.UNKNOWN:
        return NoChange("nothing in it reads as a no, an invitation, a request or an offer")
    if kind in (EmailKind.REJECTION, EmailKind.OFFER):
        stage = Stage.REJECTED if kind is EmailKind.REJECTION else Stage.OFFER
        if application is not None and application.stage is stage:
            return NoChange(f"{application.company} is already at {stage.value}")
        return MoveStage(stage, comeback=stage is Stage.REJECTED)
    if kind is EmailKind.INVITATION:
        if details.at is None:
            when = f" ({describe_day(details.day, today)})" if details.day else ""
            return SetNextStep(f"Reply with times for the interview{when}", today)
        if application is not None and any(
            interview.at == details.at and not interview.cancelled for interview in search.interviews_for(application)
        ):
            return NoChange("that interview is already in your records")
        return ScheduleInterview(details.at, details.interview_kind, details.people)
    return SetNextStep(details.next_step, details.by or today)


def describe_proposal(proposal: Proposal, application: Application | None, today: date, zone: ZoneInfo) -> str:
    """The proposed change in a sentence: 'move Quill Labs (Data Engineer) to rejected, then the comeback'."""
    name = f"{application.company} ({application.role})" if application is not None else "the application"
    if isinstance(proposal, MoveStage):
        then = ": recovery days, a feedback request, keeping the bridge" if proposal.comeback else ""
        return f"move {name} to {proposal.stage.value}{then}"
    if isinstance(proposal, ScheduleInterview):
        local = proposal.at.astimezone(zone)
        kind = "an interview" if proposal.kind is InterviewKind.OTHER else f"a {proposal.kind.value} interview"
        people = f" with {_join(proposal.people)}" if proposal.people else ""
        kind = kind.replace("a on-site", "an on-site")
        return f"book {kind} for {name}, {describe_day(local.date(), today)} {local:%H:%M}{people}"
    if isinstance(proposal, SetNextStep):
        return f"set the next step of {name}: {proposal.text}, {describe_day(proposal.on, today)}"
    return f"no change: {proposal.why}"


def _join(names: Iterable[str]) -> str:
    listed = list(names)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
