//! The native pack ABI: a narrow C boundary that carries JSON bytes.
//!
//! Rust has no stable ABI and packs may be built by another compiler, so a native pack exports
//! two C symbols: [`MANIFEST_SYMBOL`], a static JSON [`NativeManifest`], and [`ENTRY_SYMBOL`],
//! a `#[repr(C)]` [`PackV1`] table whose first field is its own size (fields are only ever
//! appended). Every call sends one [`PackRequest`] and gets one [`PackResponse`], both JSON;
//! unknown fields are ignored so either side may grow. The same messages travel over a child
//! process's pipes when the host isolates a pack.
//!
//! Pack authors never touch this directly: they implement [`NativePack`] and write
//! `nearer_core::export_pack!("id", MyPack)`. The pack side's few `unsafe` lines are in
//! [`ffi_call`] and [`ffi_free`] below; the host's are in its loader module.

use std::collections::HashMap;
use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::exercise::Exercise;
use crate::step::{Answer, SessionContext, Step};

/// The ABI major number; it is also part of the entry symbol's name.
pub const ABI_VERSION: u32 = 1;

/// The pack API version: the step protocol and message types. Packs declare which versions
/// they accept with `host` in `pack.toml`; the loader also checks the version a library was
/// built against is semver-compatible with this one.
pub const API_VERSION: &str = "1.1.0";

/// The symbol returning the library's manifest JSON as a NUL-terminated string.
pub const MANIFEST_SYMBOL: &str = "nearer_pack_manifest";

/// The symbol returning a pointer to the [`PackV1`] table; the ABI major is in its name.
pub const ENTRY_SYMBOL: &str = "nearer_pack_v1";

/// The compiler that built this core (and so, in a workspace build, the pack).
pub const BUILD_RUSTC: &str = env!("NEARER_BUILD_RUSTC");

/// The target triple this core was built for; native libraries live in `lib/<target>/`.
pub const BUILD_TARGET: &str = env!("NEARER_BUILD_TARGET");

/// What a native library says about itself before anything else is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NativeManifest {
    /// ABI major; must equal the host's [`ABI_VERSION`].
    pub abi: u32,
    /// The pack API version the library was built against.
    pub api: String,
    /// The pack id; must equal `pack.toml`'s.
    pub pack: String,
    /// The pack version; must equal `pack.toml`'s.
    pub version: String,
    /// `rustc --version` of the build.
    pub rustc: String,
    /// Target triple of the build.
    pub target: String,
    /// `unwind` or `abort`; `abort` is refused, since a panic would kill the host.
    pub panic: String,
}

/// Bytes handed across the boundary; owned by the side that allocated them.
#[repr(C)]
#[derive(Debug)]
pub struct Bytes {
    /// Start of the bytes.
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
    /// Allocated capacity, needed to free them.
    pub cap: usize,
}

/// The version 1 function table. Fields are only ever appended; `size` tells the host which
/// exist.
#[repr(C)]
#[derive(Debug)]
pub struct PackV1 {
    /// `size_of::<PackV1>()` as the library was built.
    pub size: usize,
    /// Handles one JSON request and returns one JSON response, owned by the pack.
    pub call: unsafe extern "C" fn(request: *const u8, len: usize) -> Bytes,
    /// Frees a response returned by `call`.
    pub free: unsafe extern "C" fn(response: Bytes),
}

/// A request from the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PackRequest {
    /// Which exercise kinds does the pack provide?
    Kinds,
    /// Create a session of an exercise of `kind`, with the text of its content file, if any.
    Create {
        /// The native kind.
        kind: String,
        /// The exercise id from `pack.toml`.
        exercise: String,
        /// The exercise's content file text.
        #[serde(default)]
        content: Option<String>,
    },
    /// Start a created session.
    Start {
        /// Handle from `Created`.
        session: u64,
        /// The session's context.
        context: SessionContext,
    },
    /// Answer the last step of a session.
    Answer {
        /// Handle from `Created`.
        session: u64,
        /// The answer.
        answer: Answer,
    },
    /// Forget a session.
    Drop {
        /// Handle from `Created`.
        session: u64,
    },
}

/// A response from the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PackResponse {
    /// The kinds the pack provides.
    Kinds {
        /// Their names.
        kinds: Vec<String>,
    },
    /// A session was created.
    Created {
        /// Its handle.
        session: u64,
    },
    /// The next step of a session.
    Step {
        /// The step.
        step: Step,
    },
    /// A session was dropped.
    Dropped,
    /// Something went wrong.
    Error {
        /// What kind of failure.
        code: ErrorCode,
        /// In words.
        message: String,
    },
}

/// Failure codes in [`PackResponse::Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request could not be read.
    BadRequest,
    /// The pack has no such kind.
    UnknownKind,
    /// The content could not be used.
    BadContent,
    /// No session with that handle.
    UnknownSession,
    /// The pack panicked; the session is gone.
    Panic,
}

/// What a native pack implements: it names its kinds and creates exercises of them.
pub trait NativePack: Send + Sync + 'static {
    /// The exercise kinds this pack provides.
    fn kinds(&self) -> Vec<&'static str>;
    /// A new exercise of `kind` for the exercise `id`, given its content file text, if any.
    /// The error is shown to the person, so it should name the file and the fix.
    fn create(
        &self,
        kind: &str,
        id: &str,
        content: Option<&str>,
    ) -> Result<Box<dyn Exercise>, String>;
}

/// Serves [`PackRequest`]s for one pack, keeping its open sessions.
pub struct Dispatcher {
    pack: Box<dyn NativePack>,
    sessions: Mutex<HashMap<u64, Box<dyn Exercise>>>,
    next: AtomicU64,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher").finish_non_exhaustive()
    }
}

fn error(code: ErrorCode, message: impl Into<String>) -> PackResponse {
    PackResponse::Error {
        code,
        message: message.into(),
    }
}

impl Dispatcher {
    /// A dispatcher for `pack`.
    pub fn new(pack: Box<dyn NativePack>) -> Self {
        Dispatcher {
            pack,
            sessions: Mutex::new(HashMap::new()),
            next: AtomicU64::new(1),
        }
    }

    /// Handles one JSON request and returns one JSON response. Never panics: a panic inside
    /// the pack becomes an `Error { code: Panic }` and drops the session it happened in.
    pub fn handle_json(&self, request: &[u8]) -> Vec<u8> {
        let response = match serde_json::from_slice::<PackRequest>(request) {
            Ok(req) => {
                let session = match &req {
                    PackRequest::Start { session, .. }
                    | PackRequest::Answer { session, .. }
                    | PackRequest::Drop { session } => Some(*session),
                    _ => None,
                };
                match catch_unwind(AssertUnwindSafe(|| self.handle(req))) {
                    Ok(resp) => resp,
                    Err(payload) => {
                        if let Some(id) = session {
                            self.lock().remove(&id);
                        }
                        error(ErrorCode::Panic, panic_message(payload.as_ref()))
                    }
                }
            }
            Err(e) => error(ErrorCode::BadRequest, format!("unreadable request: {e}")),
        };
        serde_json::to_vec(&response).unwrap_or_else(|_| {
            br#"{"op":"error","code":"bad_request","message":"unserializable response"}"#.to_vec()
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Box<dyn Exercise>>> {
        // A panic while the lock was held is already reported; the map itself stays usable.
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Handles one request.
    pub fn handle(&self, request: PackRequest) -> PackResponse {
        match request {
            PackRequest::Kinds => PackResponse::Kinds {
                kinds: self.pack.kinds().iter().map(|k| (*k).to_owned()).collect(),
            },
            PackRequest::Create {
                kind,
                exercise,
                content,
            } => {
                if !self.pack.kinds().contains(&kind.as_str()) {
                    return error(ErrorCode::UnknownKind, format!("no exercise kind {kind:?}"));
                }
                match self.pack.create(&kind, &exercise, content.as_deref()) {
                    Ok(ex) => {
                        let id = self.next.fetch_add(1, Ordering::Relaxed);
                        self.lock().insert(id, ex);
                        PackResponse::Created { session: id }
                    }
                    Err(message) => error(ErrorCode::BadContent, message),
                }
            }
            PackRequest::Start { session, context } => match self.lock().get_mut(&session) {
                Some(ex) => PackResponse::Step {
                    step: ex.start(&context),
                },
                None => error(ErrorCode::UnknownSession, format!("no session {session}")),
            },
            PackRequest::Answer { session, answer } => match self.lock().get_mut(&session) {
                Some(ex) => PackResponse::Step {
                    step: ex.answer(answer),
                },
                None => error(ErrorCode::UnknownSession, format!("no session {session}")),
            },
            PackRequest::Drop { session } => {
                self.lock().remove(&session);
                PackResponse::Dropped
            }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned());
    format!("the pack panicked: {what}")
}

/// The manifest JSON a library exports, as a C string.
pub fn manifest_cstring(pack: &str, version: &str, unwinds: bool) -> CString {
    let manifest = NativeManifest {
        abi: ABI_VERSION,
        api: API_VERSION.to_owned(),
        pack: pack.to_owned(),
        version: version.to_owned(),
        rustc: BUILD_RUSTC.to_owned(),
        target: BUILD_TARGET.to_owned(),
        panic: if unwinds { "unwind" } else { "abort" }.to_owned(),
    };
    let json = serde_json::to_string(&manifest).unwrap_or_default();
    // JSON from serde never contains a NUL byte.
    CString::new(json).unwrap_or_default()
}

/// Silences the default panic message inside a pack library, whose std is its own copy: the
/// panic reaches the host as an error response instead of noise on the person's terminal.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// The body of a pack's exported `call`.
///
/// # Safety
/// `request` must point to `len` readable bytes, alive for the duration of the call.
pub unsafe fn ffi_call(dispatcher: &Dispatcher, request: *const u8, len: usize) -> Bytes {
    let bytes: &[u8] = if request.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: the caller promises `request` points to `len` live, readable bytes.
        unsafe { std::slice::from_raw_parts(request, len) }
    };
    let mut out = std::mem::ManuallyDrop::new(dispatcher.handle_json(bytes));
    Bytes {
        ptr: out.as_mut_ptr(),
        len: out.len(),
        cap: out.capacity(),
    }
}

/// The pack's exported `free`.
///
/// # Safety
/// `response` must be a [`Bytes`] returned by this library's `call`, freed only once.
pub unsafe extern "C" fn ffi_free(response: Bytes) {
    if response.ptr.is_null() {
        return;
    }
    // SAFETY: the caller hands back exactly what `ffi_call` leaked from a Vec<u8> with this
    // pointer, length and capacity, and does so once.
    drop(unsafe { Vec::from_raw_parts(response.ptr, response.len, response.cap) });
}

/// Exports a native pack: the manifest symbol, the versioned entry symbol and its table.
///
/// ```ignore
/// nearer_core::export_pack!("trust", TrustPack);
/// ```
/// The second argument is an expression building the pack, run once on first use.
#[macro_export]
macro_rules! export_pack {
    ($id:literal, $pack:expr) => {
        const _: () = {
            use ::std::sync::OnceLock;
            use $crate::abi::{Bytes, Dispatcher, PackV1};

            static MANIFEST: OnceLock<::std::ffi::CString> = OnceLock::new();
            static DISPATCHER: OnceLock<Dispatcher> = OnceLock::new();
            static TABLE: PackV1 = PackV1 {
                size: ::std::mem::size_of::<PackV1>(),
                call,
                free: $crate::abi::ffi_free,
            };

            #[no_mangle]
            pub extern "C" fn nearer_pack_manifest() -> *const ::std::ffi::c_char {
                MANIFEST
                    .get_or_init(|| {
                        $crate::abi::manifest_cstring(
                            $id,
                            env!("CARGO_PKG_VERSION"),
                            cfg!(panic = "unwind"),
                        )
                    })
                    .as_ptr()
            }

            #[no_mangle]
            pub extern "C" fn nearer_pack_v1() -> *const PackV1 {
                &TABLE
            }

            unsafe extern "C" fn call(request: *const u8, len: usize) -> Bytes {
                let dispatcher = DISPATCHER.get_or_init(|| {
                    $crate::abi::quiet_panics();
                    Dispatcher::new(::std::boxed::Box::new($pack))
                });
                // SAFETY: the host passes a pointer to `len` bytes it keeps alive for the call.
                unsafe { $crate::abi::ffi_call(dispatcher, request, len) }
            }
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{outcome, Flow, Script, ScriptExercise, Scripted};
    use crate::step::{Outcome, Request};

    struct Echo;
    impl ScriptExercise for Echo {
        fn run(&self, s: &mut Script) -> Flow<Outcome> {
            let said = s.text("Say something")?.unwrap_or_default();
            if said == "boom" {
                panic!("asked to explode");
            }
            Ok(outcome(said))
        }
    }
    struct EchoPack;
    impl NativePack for EchoPack {
        fn kinds(&self) -> Vec<&'static str> {
            vec!["echo"]
        }
        fn create(&self, _: &str, _: &str, _: Option<&str>) -> Result<Box<dyn Exercise>, String> {
            Ok(Box::new(Scripted::new(Echo)))
        }
    }

    fn call(d: &Dispatcher, req: &str) -> PackResponse {
        serde_json::from_slice(&d.handle_json(req.as_bytes())).expect("responses are JSON")
    }

    #[test]
    fn a_session_runs_over_json_and_unknown_fields_are_ignored() {
        let d = Dispatcher::new(Box::new(EchoPack));
        assert_eq!(
            call(
                &d,
                r#"{"op":"create","kind":"echo","exercise":"e","future":1}"#
            ),
            PackResponse::Created { session: 1 }
        );
        let PackResponse::Step { step } =
            call(&d, r#"{"op":"start","session":1,"context":{"seed":3}}"#)
        else {
            panic!("expected a step")
        };
        assert!(matches!(step.request, Request::Text(_)));
        let PackResponse::Step { step } =
            call(&d, r#"{"op":"answer","session":1,"answer":{"text":"hi"}}"#)
        else {
            panic!("expected a step")
        };
        assert_eq!(step.outcome().map(|o| o.summary.as_str()), Some("hi"));
    }

    #[test]
    fn errors_carry_codes_and_panics_drop_the_session() {
        let d = Dispatcher::new(Box::new(EchoPack));
        let bad = call(&d, "not json");
        assert!(matches!(
            bad,
            PackResponse::Error {
                code: ErrorCode::BadRequest,
                ..
            }
        ));
        let unknown = call(&d, r#"{"op":"create","kind":"nope","exercise":"e"}"#);
        assert!(matches!(
            unknown,
            PackResponse::Error {
                code: ErrorCode::UnknownKind,
                ..
            }
        ));
        call(&d, r#"{"op":"create","kind":"echo","exercise":"e"}"#);
        call(&d, r#"{"op":"start","session":1,"context":{"seed":3}}"#);
        let boom = call(
            &d,
            r#"{"op":"answer","session":1,"answer":{"text":"boom"}}"#,
        );
        match boom {
            PackResponse::Error { code, message } => {
                assert_eq!(code, ErrorCode::Panic);
                assert!(message.contains("asked to explode"), "{message}");
            }
            other => panic!("expected a panic error, got {other:?}"),
        }
        let gone = call(&d, r#"{"op":"answer","session":1,"answer":"continue"}"#);
        assert!(matches!(
            gone,
            PackResponse::Error {
                code: ErrorCode::UnknownSession,
                ..
            }
        ));
    }
}
