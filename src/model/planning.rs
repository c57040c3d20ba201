//! The parameters of the planning models beside the structure (`analysis::response`: response
//! time from patrol; `analysis::workload`: officers needed by workload). They are inputs, so they
//! are declared here with every other parameter; the formulas that read them are in `analysis/`.
//! A variant's list is its own parameters then these (`join`), so they share its URL, panel,
//! saved scenarios and sources list; every one is a labelled assumption unless a source gives it.

use crate::i18n::Text;
use crate::model::cases::kit::{decimal, spec};
use crate::model::params::ParamSpec;
use crate::model::source::Source;

/// `a` then `b` as one array, for a variant's spec list (`N` must be their total length).
pub const fn join<const N: usize>(a: &[ParamSpec], b: &[ParamSpec]) -> [ParamSpec; N] {
    assert!(a.len() + b.len() == N, "join: wrong length");
    assert!(!a.is_empty() || !b.is_empty(), "join: nothing to join");
    let first = if a.is_empty() { b[0] } else { a[0] };
    let mut out = [first; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// True for the keys of the planning models' parameters (they change estimates, not the
/// organisation).
pub fn is_analysis_key(key: &str) -> bool {
    key.starts_with("rt_") || key.starts_with("wl_")
}

/// The label of a reported response time (`Reported::label`), so the response panel finds the
/// source's figures to show beside the model's.
pub const RESPONSE_REPORTED: Text = Text::new("平均出警反应时间", "Average response time");

const G_RESPONSE: Text = Text::new("出警反应时间估算（模型）", "Response time estimate (model)");

const fn rt(
    key: &'static str,
    label: Text,
    unit: Text,
    range: (f64, f64, f64),
    default: f64,
    source: Source,
) -> ParamSpec {
    decimal(spec(key, label, unit, G_RESPONSE, range, default, source))
}

const PER_100: Text = Text::new("台/百人", "per 100 officers");

const A_AREA: Source = Source::assumption(
    "资料未给出巡逻面积；假设城区约 400 平方公里（校准到资料的 15 → 9 分钟）",
    "The sources give no patrolled area; assumed about 400 km² of urban area (calibrated to the reported 15 → 9 minutes)",
);
/// The area where no patrol is calibrated: the same value, not said to be calibrated here.
const A_AREA_OFF: Source = Source::assumption(
    "资料未给出巡逻面积；假设约 400 平方公里，即大庆城区校准所用的值（只有填入警车数后才参与估算）",
    "The sources give no patrolled area; assumed about 400 km², the value Daqing's urban calibration uses (it counts only once cars are entered)",
);
const A_ON_DUTY: Source = Source::assumption(
    "资料只说“全天候开展辖区巡逻”；假设任一时刻一半警车在路面（另一半轮休、保养或在处置以外的勤务）",
    "The source says only that patrol runs round the clock; assumed half the cars are on the street at any time (the rest off shift, in maintenance or on other duties)",
);
const A_CALLS: Source = Source::assumption(
    "资料未给出警情数量；假设平均每小时 20 起需出警的警情（约每年 17.5 万起）",
    "The sources give no call volume; assumed 20 calls a car must attend per hour on average (about 175,000 a year)",
);
const A_CALL_MIN: Source = Source::assumption(
    "资料未给出；假设一辆警车处置一起警情平均占用 40 分钟（含途中和现场）",
    "Not in the sources; assumed a car is busy 40 minutes per call on average (travel and on scene)",
);
const A_SPEED: Source = Source::assumption(
    "资料未给出；假设城区出警平均车速 25 公里/小时",
    "Not in the sources; assumed an average urban response speed of 25 km/h",
);
const A_TAKING: Source = Source::assumption(
    "资料未给出；假设接警、派警的固定用时 3 分钟",
    "Not in the sources; assumed 3 minutes to take a call and send a car, whatever the structure",
);
const A_RELAY: Source = Source::assumption(
    "资料说层次减少“大大提高警令传递速度”但未给出用时；假设警令每经过一个层次多用 0.5 分钟",
    "The source says the shorter chain “greatly speeds up orders” without a time; assumed each rank an order passes adds half a minute",
);
const A_K: Source = Source::assumption(
    "不是资料的数：平方根定律的常数；直角路网、车辆均匀分布时约为 0.63（Larson & Odoni 1981）",
    "Not from the sources: the square-root law's constant, about 0.63 for a right-angle street grid with cars spread evenly (Larson & Odoni 1981)",
);

/// The patrol parameters calibrated to Daqing's urban area (the reported 15 → 9 minutes).
pub const RESPONSE_CALIBRATED: &[ParamSpec] = &[
    rt(
        "rt_area",
        Text::new("巡逻面积", "Area patrolled"),
        Text::new("平方公里", "km²"),
        (1.0, 100_000.0, 1.0),
        400.0,
        A_AREA,
    ),
    rt(
        "rt_cars_before",
        Text::new("改革前每百名民警警车", "Patrol cars per 100 officers before"),
        PER_100,
        (0.0, 50.0, 0.1),
        2.0,
        Source::assumption(
            "资料只给出改革后的标准（百名民警 4 台）；假设改革前为一半，警车停在所里、接警后才出动",
            "The source gives only the new standard (4 per 100 officers); assumed half that before, with cars kept at the stations until a call came",
        ),
    ),
    rt(
        "rt_cars_after",
        Text::new("改革后每百名民警警车", "Patrol cars per 100 officers after"),
        PER_100,
        (0.0, 50.0, 0.1),
        4.0,
        Source::seed("000", "按照城区百名民警4台警车巡逻标准"),
    ),
    rt(
        "rt_on_duty",
        Text::new("同时在路面的警车比例", "Share of cars on the street"),
        Text::new("%", "%"),
        (1.0, 100.0, 1.0),
        50.0,
        A_ON_DUTY,
    ),
    rt(
        "rt_calls",
        Text::new("每小时需出警的警情", "Calls to attend per hour"),
        Text::new("起/小时", "calls/h"),
        (0.0, 10_000.0, 0.5),
        20.0,
        A_CALLS,
    ),
    rt(
        "rt_call_min",
        Text::new("每起警情占用警车时间", "Car time per call"),
        Text::new("分钟", "min"),
        (1.0, 600.0, 1.0),
        40.0,
        A_CALL_MIN,
    ),
    rt(
        "rt_speed",
        Text::new("出警车速", "Response speed"),
        Text::new("公里/小时", "km/h"),
        (5.0, 120.0, 1.0),
        25.0,
        A_SPEED,
    ),
    rt(
        "rt_call_taking",
        Text::new("接警派警用时", "Call taking and dispatch"),
        Text::new("分钟", "min"),
        (0.0, 60.0, 0.5),
        3.0,
        A_TAKING,
    ),
    rt(
        "rt_relay",
        Text::new("警令每过一个层次的用时", "Time per rank an order passes"),
        Text::new("分钟", "min"),
        (0.0, 10.0, 0.1),
        0.5,
        A_RELAY,
    ),
    rt(
        "rt_k",
        Text::new("平方根定律常数 k", "Square-root law constant k"),
        Text::new("", ""),
        (0.1, 2.0, 0.01),
        0.63,
        A_K,
    ),
];

const A_NO_PATROL: Source = Source::assumption(
    "本案例资料没有讲巡逻；默认 0（不估算）。填入警车数即可估算",
    "This case's source says nothing of patrol; 0 by default (no estimate). Enter cars to estimate",
);

/// The same parameters for a case whose source has no patrol: no cars unless the user sets
/// some; the other values are the calibrated ones.
pub const RESPONSE_OFF: &[ParamSpec] = &[
    ParamSpec {
        source: A_AREA_OFF,
        ..RESPONSE_CALIBRATED[0]
    },
    ParamSpec {
        default: 0.0,
        source: A_NO_PATROL,
        ..RESPONSE_CALIBRATED[1]
    },
    ParamSpec {
        default: 0.0,
        source: A_NO_PATROL,
        ..RESPONSE_CALIBRATED[2]
    },
    RESPONSE_CALIBRATED[3],
    RESPONSE_CALIBRATED[4],
    RESPONSE_CALIBRATED[5],
    RESPONSE_CALIBRATED[6],
    RESPONSE_CALIBRATED[7],
    RESPONSE_CALIBRATED[8],
    RESPONSE_CALIBRATED[9],
];

const G_WORKLOAD: Text = Text::new(
    "按工作量测算警力（模型）",
    "Workload-based staffing (model)",
);

const fn wl(
    key: &'static str,
    label: Text,
    unit: Text,
    range: (f64, f64, f64),
    default: f64,
    source: Source,
) -> ParamSpec {
    decimal(spec(key, label, unit, G_WORKLOAD, range, default, source))
}

/// The method's parameters, every one an assumption (the sources give none).
pub const WORKLOAD_SPECS: &[ParamSpec] = &[
    wl(
        "wl_minutes",
        Text::new("每起警情的处置时间", "Time per incident"),
        Text::new("分钟", "min"),
        (1.0, 1_440.0, 1.0),
        90.0,
        Source::assumption(
            "资料未给出；假设每起警情平均处置 90 分钟（途中、现场、录入）。方法见 Wilson & Weiss 2012（美国司法部 COPS 办公室）",
            "Not in the sources; assumed 90 minutes per incident (travel, scene, report). Method: Wilson & Weiss 2012 (US DOJ COPS Office)",
        ),
    ),
    wl(
        "wl_officers",
        Text::new("每起警情出警人数", "Officers per incident"),
        Text::new("人", "officers"),
        (1.0, 10.0, 0.1),
        2.0,
        Source::assumption(
            "资料未给出；假设两人出警（与“二人一组”的搭档制一致）",
            "Not in the sources; assumed two officers per incident (as in the pairs of “二人一组”)",
        ),
    ),
    wl(
        "wl_share",
        Text::new("用于处警的时间比例", "Share of time on incidents"),
        Text::new("%", "%"),
        (1.0, 100.0, 1.0),
        33.0,
        Source::assumption(
            "不是资料的数：按工作量测算时常用的目标，约三分之一时间处警，其余用于社区、防范和内务",
            "Not from the sources: a common target in workload staffing, about a third of the time on incidents and the rest on community work, prevention and administration",
        ),
    ),
    wl(
        "wl_hours",
        Text::new("每名民警每年可用工时", "Hours an officer is available a year"),
        Text::new("小时", "h"),
        (100.0, 4_000.0, 10.0),
        1_700.0,
        Source::assumption(
            "资料未给出；假设每年约 1700 小时（扣除休假、培训等）",
            "Not in the sources; assumed about 1,700 hours a year (after leave, training and the like)",
        ),
    ),
];
