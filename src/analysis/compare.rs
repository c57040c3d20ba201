//! One city, four models: a city described once (residents, area, officers, stations,
//! incidents, patrol cars) is fed to one scope of each case, and the same figures are read from
//! every result. Each model gets the city's values where it has a matching parameter; where it
//! needs a value the city does not give, the value is derived from the city with the model's own
//! proportions at its defaults (computed from its default organisation, not typed in), and every
//! such step is listed (`Fed`). Values outside a parameter's range are capped, and say so.

use std::sync::OnceLock;

use crate::analysis::response::{NoEstimate, Patrol};
use crate::i18n::{Msg, Text};
use crate::model::cases::kit::{decimal, spec};
use crate::model::cases::{Arg, CaseId, ModelError, Scenario, Variant};
use crate::model::metrics::{compute, MetricKey, Metrics};
use crate::model::org::UnitKind;
use crate::model::params::{ParamSpec, Params};
use crate::model::source::Source;

const G: Text = Text::new("这个城市", "The city");

const fn city(
    key: &'static str,
    label: Text,
    unit: Text,
    range: (f64, f64, f64),
    default: f64,
    source: Source,
) -> ParamSpec {
    spec(key, label, unit, G, range, default, source)
}

/// The city's inputs. Defaults: Daqing's urban area as the Daqing model takes it.
pub const CITY_SPECS: &[ParamSpec] = &[
    city(
        "city_population",
        Text::new("实有人口", "Residents"),
        Text::new("人", "people"),
        (10_000.0, 20_000_000.0, 10_000.0),
        2_000_000.0,
        Source::assumption(
            "默认取大庆城区模型的假设（20 个分局 × 约 10 万人）",
            "By default the Daqing urban model's assumption (20 sub-bureaus × about 100,000 residents)",
        ),
    ),
    city(
        "city_area",
        Text::new("面积", "Area"),
        Text::new("平方公里", "km²"),
        (1.0, 100_000.0, 1.0),
        400.0,
        Source::assumption(
            "默认取大庆城区出警估算的假设面积",
            "By default the area assumed in Daqing's response estimate",
        ),
    ),
    city(
        "city_officers",
        Text::new("民警总数", "Officers in all"),
        Text::new("人", "staff"),
        (50.0, 100_000.0, 10.0),
        2_500.0,
        Source::assumption(
            "默认取大庆城区模型的假设（20 个分局 × 125 人）",
            "By default the Daqing urban model's assumption (20 sub-bureaus × 125)",
        ),
    ),
    city(
        "city_stations",
        Text::new("派出所", "Police stations"),
        Text::new("个", "units"),
        (2.0, 2_000.0, 1.0),
        70.0,
        Source::seed("000", "把市区10个公安分局和70个派出所合并"),
    ),
    city(
        "city_incidents",
        Text::new("每年需出警的警情", "Incidents to attend a year"),
        Text::new("起/年", "a year"),
        (0.0, 10_000_000.0, 100.0),
        175_200.0,
        Source::assumption(
            "默认取大庆出警估算的假设（每小时 20 起 × 8760 小时）",
            "By default the assumption of Daqing's response estimate (20 an hour × 8,760 hours)",
        ),
    ),
    decimal(city(
            "city_cars",
            Text::new("每百名民警警车（现在）", "Patrol cars per 100 officers (now)"),
            Text::new("台/百人", "per 100 officers"),
            (0.0, 50.0, 0.1),
            2.0,
            Source::assumption(
                "默认取大庆出警估算中改革前的假设",
                "By default the pre-reform assumption of Daqing's response estimate",
            ),
        )),
];

/// The city, read from its parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct City {
    pub population: f64,
    pub area_km2: f64,
    pub officers: f64,
    pub stations: f64,
    pub incidents: f64,
    pub cars_per_100: f64,
}

impl City {
    pub fn of(p: &Params) -> City {
        City {
            population: p.get("city_population"),
            area_km2: p.get("city_area"),
            officers: p.get("city_officers"),
            stations: p.get("city_stations"),
            incidents: p.get("city_incidents"),
            cars_per_100: p.get("city_cars"),
        }
    }
    pub fn defaults() -> Params {
        Params::defaults(CITY_SPECS)
    }
}

/// The scope of each case the city is fed to.
pub const MODELS: [(CaseId, &str); 4] = [
    (CaseId::Daqing, "urban"),
    (CaseId::Zhejiang, "pujiang"),
    (CaseId::Tianjin, "station"),
    (CaseId::Haidong, "county"),
];

/// One parameter a model was given: its value, whether it had to be capped to the parameter's
/// range, and how it follows from the city.
#[derive(Clone, Debug, PartialEq)]
pub struct Fed {
    pub key: &'static str,
    pub value: f64,
    /// What the city asked for when it lay outside the range (the value is then the bound).
    pub wanted: Option<f64>,
    pub how: Text,
}

/// One model applied to the city.
#[derive(Clone, Debug)]
pub struct Applied {
    pub case: CaseId,
    pub variant: &'static Variant,
    pub params: Params,
    pub fed: Vec<Fed>,
    pub result: Result<Scenario, ModelError>,
    /// The city's officers this model stands for (all, unless it takes fewer stations than the
    /// city has): the patrol cars are counted on them, since a model may hold only some of
    /// them in its organisation (Tianjin's stations).
    pub city_officers: f64,
    /// The metrics of the baseline and of the final organisation, computed once (every figure
    /// of the comparison reads them).
    pub metrics: Option<(Metrics, Metrics)>,
}

impl PartialEq for Applied {
    fn eq(&self, o: &Self) -> bool {
        self.case == o.case
            && std::ptr::eq(self.variant, o.variant)
            && self.params == o.params
            && self.fed == o.fed
            && self.result == o.result
            && self.city_officers == o.city_officers
    }
}

/// `value` rounded to `spec`'s step and capped to its range; `Some(wanted)` when capped.
fn fit(spec: &ParamSpec, value: f64) -> (f64, Option<f64>) {
    let v = if spec.integer {
        value.round()
    } else {
        (value / spec.step).round() * spec.step
    };
    if !v.is_finite() {
        return (spec.default, Some(value));
    }
    let capped = v.clamp(spec.min, spec.max);
    let capped = if spec.integer { capped.round() } else { capped };
    (capped, (capped != v).then_some(v))
}

struct Feeder {
    params: Params,
    fed: Vec<Fed>,
    /// The city's officers the model stands for (fewer when it takes only part of the city).
    officers: f64,
}

impl Feeder {
    fn new(v: &'static Variant, c: &City) -> Self {
        Feeder {
            params: v.defaults(),
            fed: Vec::new(),
            officers: c.officers,
        }
    }
    fn set(&mut self, key: &'static str, value: f64, how: Text) -> f64 {
        let Some(spec) = self.params.specs().iter().find(|s| s.key == key).copied() else {
            debug_assert!(false, "unknown parameter {key}");
            return 0.0;
        };
        let (v, wanted) = fit(&spec, value);
        let _ = self.params.set_raw(key, &spec.format(v));
        // The value as the parameter holds it (its written form, read back).
        let v = self.params.get(key);
        self.fed.push(Fed {
            key,
            value: v,
            wanted,
            how,
        });
        v
    }
    /// Sets the model's station count to the city's. When the model takes fewer (its range
    /// ends below), it models that share of the city: the city it gets is scaled down.
    fn stations(&mut self, c: &City) -> (f64, City) {
        let n = self.set("stations", c.stations, STATIONS);
        let part = (n / c.stations.max(1.0)).min(1.0);
        if let Some(last) = self.fed.last_mut() {
            if last.wanted.is_some() {
                last.how = STATIONS_CAPPED;
            }
        }
        self.officers = c.officers * part;
        let city = City {
            population: c.population * part,
            area_km2: c.area_km2 * part,
            officers: c.officers * part,
            incidents: c.incidents * part,
            ..*c
        };
        (n, city)
    }
    fn default(&self, key: &str) -> f64 {
        self.params
            .specs()
            .iter()
            .find(|s| s.key == key)
            .map_or(0.0, |s| s.default)
    }
}

/// The staff total of a variant's default baseline, and of its stations.
fn default_staff(v: &Variant) -> (f64, f64) {
    match v.baseline.make(&v.defaults()) {
        Ok(org) => {
            let stations: u32 = org
                .walk()
                .iter()
                .filter(|(_, u)| u.kind == UnitKind::Station)
                .map(|(_, u)| u.staff_total().total())
                .sum();
            (f64::from(org.staff_total().total()), f64::from(stations))
        }
        Err(_) => (0.0, 0.0),
    }
}

fn patrol(f: &mut Feeder, c: &City, after: f64, how_after: Text) {
    f.set(
        "rt_area",
        c.area_km2,
        Text::new("城市面积", "the city's area"),
    );
    f.set(
        "rt_calls",
        c.incidents / 8_760.0,
        Text::new("每年警情 ÷ 8760 小时", "incidents a year ÷ 8,760 hours"),
    );
    f.set(
        "rt_cars_before",
        c.cars_per_100,
        Text::new("城市现有的警车", "the city's cars now"),
    );
    f.set("rt_cars_after", after, how_after);
}

fn daqing(v: &'static Variant, c: &City) -> Feeder {
    let mut f = Feeder::new(v, c);
    f.set(
        "population",
        c.population,
        Text::new("城市人口", "the city's residents"),
    );
    f.set(
        "staff",
        c.officers,
        Text::new("城市民警", "the city's officers"),
    );
    f.set(
        "stations_before",
        c.stations,
        Text::new("城市派出所", "the city's stations"),
    );
    let ratio = f.default("sub_bureaus_before") / f.default("stations_before").max(1.0);
    f.set(
        "sub_bureaus_before",
        (c.stations * ratio).max(1.0),
        Text::new(
            "派出所 × 大庆的分局与派出所之比（10 : 70）",
            "stations × Daqing's ratio of sub-bureaus to stations (10 : 70)",
        ),
    );
    // The traffic brigades and fire sections (measure 5) keep the share of the officers they
    // have in the model's default city.
    let scale = c.officers / f.default("staff").max(1.0);
    for key in ["traffic_brigade_staff", "fire_section_staff"] {
        let size = f.default(key) * scale;
        f.set(
            key,
            size,
            Text::new(
                "大庆模型假设的人数 × 城市民警 ÷ 模型默认的城区警力",
                "the Daqing model's assumed size × the city's officers ÷ the model's default urban officers",
            ),
        );
    }
    let standard = f.default("rt_cars_after");
    patrol(
        &mut f,
        c,
        c.cars_per_100.max(standard),
        Text::new(
            "大庆标准“百名民警4台警车”（城市已超过则不减）",
            "Daqing's standard of 4 cars per 100 officers (not fewer than the city has)",
        ),
    );
    f
}

fn zhejiang(v: &'static Variant, c: &City) -> Feeder {
    let mut f = Feeder::new(v, c);
    static DEFAULT: OnceLock<(f64, f64)> = OnceLock::new();
    let (total, _) = *DEFAULT.get_or_init(|| default_staff(v));
    let share = f.default("organ_staff_before") / total.max(1.0);
    let (stations, c) = f.stations(c);
    let c = &c;
    let organ = f.set(
        "organ_staff_before",
        c.officers * share,
        Text::new(
            "城市民警 × 浦江模型默认的机关警种部门比例",
            "the city's officers × the Pujiang model's department share at its defaults",
        ),
    );
    let leaders = f.default("leaders");
    f.set(
        "station_staff",
        ((c.officers - organ - leaders) / stations.max(1.0)).floor(),
        Text::new(
            "其余民警平均分到各派出所",
            "the other officers shared evenly among the stations",
        ),
    );
    patrol(&mut f, c, c.cars_per_100, NO_PATROL_LEVER);
    f
}

const STATIONS: Text = Text::new("城市派出所", "the city's stations");
const STATIONS_CAPPED: Text = Text::new(
    "城市派出所，超过模型的上限；模型只算这么多所，城市的民警、人口、警情和面积也按这个比例取",
    "the city's stations, more than the model takes; it models that many, and the same share of the city's officers, residents, incidents and area",
);

const NO_PATROL_LEVER: Text = Text::new(
    "不变：这个模型没有巡逻措施",
    "unchanged: this model has no patrol measure",
);

fn tianjin(v: &'static Variant, c: &City) -> Feeder {
    let mut f = Feeder::new(v, c);
    // The station model covers the stations only: their share of the officers is the one the
    // Tianjin sub-bureau model has before its reform (computed from its default tree).
    static SHARE: OnceLock<f64> = OnceLock::new();
    let share = *SHARE.get_or_init(|| {
        CaseId::Tianjin
            .variant("sub_bureau")
            .and_then(|sb| sb.build(&sb.defaults()).ok())
            .map_or(0.4, |s| compute(s.before()).get(MetricKey::StationShare))
    });
    let (stations, c) = f.stations(c);
    let c = &c;
    let mean = c.officers * share / stations.max(1.0);
    let (lo, hi) = (
        f.default("station_staff_min"),
        f.default("station_staff_max"),
    );
    let mid = (lo + hi) / 2.0;
    let how = Text::new(
        "派出所平均警力 = 城市民警 × 天津分局模型改革前的派出所警力占比，按模型默认的大小所比例展开",
        "mean station = the city's officers × the station share of the Tianjin sub-bureau model before its reform, spread as the model's default small and large stations",
    );
    // The smallest station keeps its leaders, admin and one officer for each of its three
    // frontline desks.
    let floor = f.default("station_leaders") + f.default("admin_staff") + 3.0;
    f.set("station_staff_min", (mean * lo / mid).max(floor), how);
    f.set("station_staff_max", (mean * hi / mid).max(floor), how);
    patrol(&mut f, c, c.cars_per_100, NO_PATROL_LEVER);
    f
}

fn haidong(v: &'static Variant, c: &City) -> Feeder {
    let mut f = Feeder::new(v, c);
    static DEFAULT: OnceLock<(f64, f64)> = OnceLock::new();
    let (total, in_stations) = *DEFAULT.get_or_init(|| default_staff(v));
    let d_n = f.default("stations");
    let (n, c) = f.stations(c);
    let c = &c;
    // The source allows at most 5 districts a county ("各县(区)的防区设置,不多于5个"), and the
    // model is one county bureau: the city's stations are taken as one county, so they form at
    // most the source's 5 districts (never more, however many stations the city has), and the
    // districts grow to hold its rural stations (the source gives no district size).
    let districts = f.set(
        "max_districts",
        f.default("max_districts"),
        Text::new(
            "资料：每县（区）防区“不多于5个”，城关派出所单设 1 个；模型只有一个县局，城市的派出所按一个县计，防区不超过 5 个",
            "the source: “no more than 5” districts a county, the county-town station one of them; the model has one county bureau, so the city's stations count as one county and never get more than 5 districts",
        ),
    );
    f.set(
        "district_cap",
        f.default("district_cap")
            .max((2.0 * (n - 1.0) / (districts - 1.0).max(1.0)).ceil()),
        Text::new(
            "模型默认值（假设：约为农村防区平均所数的两倍）；城市的农村派出所较多时，按同样的两倍提高（资料未给出防区大小）",
            "the model's default (an assumption: about twice the mean stations per rural district), raised by the same rule of twice the mean when the city has more rural stations (the source gives no district size)",
        ),
    );
    f.set(
        "leaders",
        f.default("leaders").max(districts),
        Text::new(
            "模型默认值，少于防区数时补足（每个防区由一名局领导负责）",
            "the model's default, raised to the number of districts (a bureau leader heads each)",
        ),
    );
    let scale = c.officers / total.max(1.0);
    let outside = (total - in_stations) * scale;
    let how_scale = Text::new(
        "模型默认值 × 城市民警 ÷ 模型默认民警",
        "the model's default × the city's officers ÷ the model's default officers",
    );
    let town = f.set("town_staff", f.default("town_staff") * scale, how_scale);
    f.set(
        "brigade_staff",
        f.default("brigade_staff") * scale,
        how_scale,
    );
    f.set(
        "rural_staff",
        (c.officers - outside - town) / (n - 1.0).max(1.0),
        Text::new(
            "其余民警平均分到农村派出所",
            "the other officers shared evenly among the rural stations",
        ),
    );
    let split = |town: f64, rural: f64| town / (town + rural * (d_n - 1.0)).max(1.0);
    let inc = split(f.default("town_incidents"), f.default("rural_incidents"));
    let how_share = Text::new(
        "城市总数按模型默认的城关与农村之比分配",
        "the city's total split between the county town and rural stations as at the model's defaults",
    );
    f.set("town_incidents", c.incidents * inc, how_share);
    f.set(
        "rural_incidents",
        c.incidents * (1.0 - inc) / (n - 1.0).max(1.0),
        how_share,
    );
    let res = split(f.default("town_residents"), f.default("rural_residents"));
    f.set("town_residents", c.population * res, how_share);
    f.set(
        "rural_residents",
        c.population * (1.0 - res) / (n - 1.0).max(1.0),
        how_share,
    );
    patrol(&mut f, c, c.cars_per_100, NO_PATROL_LEVER);
    f
}

/// The scenario, unless its organisation holds clearly more officers than the city gave it:
/// each unit the model needs has a least size, so a city with many stations and few officers
/// would be padded out, and the comparison would not be of this city.
fn too_few_officers(s: &Scenario, officers: f64) -> Result<Scenario, ModelError> {
    let staff = f64::from(s.before().staff_total().total());
    if staff > officers * 1.05 + 10.0 {
        let (need, have) = (format!("{staff:.0}"), format!("{officers:.0}"));
        return Err(ModelError::new(
            Msg::ErrCompare01,
            vec![Arg::plain(need), Arg::plain(have)],
        ));
    }
    Ok(s.clone())
}

/// The four models applied to `city`, in `MODELS` order.
pub fn apply(city: &City) -> Vec<Applied> {
    MODELS
        .iter()
        .filter_map(|(case, key)| {
            let v = case.variant(key)?;
            let f = match case {
                CaseId::Daqing => daqing(v, city),
                CaseId::Zhejiang => zhejiang(v, city),
                CaseId::Tianjin => tianjin(v, city),
                CaseId::Haidong => haidong(v, city),
            };
            let result = v
                .build(&f.params)
                .and_then(|s| too_few_officers(&s, f.officers));
            Some(Applied {
                case: *case,
                variant: v,
                params: f.params,
                fed: f.fed,
                city_officers: f.officers,
                metrics: result
                    .as_ref()
                    .ok()
                    .map(|s| (compute(s.before()), compute(s.after()))),
                result,
            })
        })
        .collect()
}

/// A row of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// The officers the model's organisation holds (a model may cover part of a city only).
    Officers,
    Metric(MetricKey),
    ResponseTime,
}

/// The rows, in order.
pub const FIGURES: [Figure; 10] = [
    Figure::Officers,
    Figure::Metric(MetricKey::ManagementTiers),
    Figure::Metric(MetricKey::UnitsTotal),
    Figure::Metric(MetricKey::FrontlineShare),
    Figure::Metric(MetricKey::Layers),
    Figure::Metric(MetricKey::SpanAvg),
    Figure::Metric(MetricKey::SpanMax),
    Figure::Metric(MetricKey::CommandChain),
    Figure::Metric(MetricKey::WorkloadSpread),
    Figure::ResponseTime,
];

impl Figure {
    pub fn key(self) -> &'static str {
        match self {
            Figure::Officers => "officers",
            Figure::Metric(k) => k.key(),
            Figure::ResponseTime => "response_time",
        }
    }
}

/// One cell of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Before and after the reform; `before == after` means the model has no effect on it.
    Value { before: f64, after: f64 },
    /// The model cannot give this figure, and why.
    NotModelled(Text),
    /// The model could not be built for this city.
    Failed(ModelError),
}

const NO_INCIDENTS: Text = Text::new(
    "这个模型的单位没有警情数，算不出工作量的离散",
    "this model's units carry no incidents, so there is no workload spread",
);
const NO_ESTIMATE: Text = Text::new(
    "警车不够处理这么多警情（或没有警车），没有估算",
    "too few cars for the calls (or none), so no estimate",
);

fn response_minutes(a: &Applied, m: &Metrics, step: usize) -> Option<f64> {
    let patrol = Patrol::of(&a.params)?;
    match patrol.side(a.city_officers, m, step).result {
        Ok(e) => Some(e.total_min),
        Err(NoEstimate::NoPatrol | NoEstimate::Saturated { .. }) => None,
    }
}

/// The cell of `figure` for one applied model.
pub fn cell(a: &Applied, figure: Figure) -> Cell {
    let s = match &a.result {
        Ok(s) => s,
        Err(e) => return Cell::Failed(e.clone()),
    };
    let last = s.steps.len() - 1;
    let Some((mb, ma)) = &a.metrics else {
        return Cell::NotModelled(NO_ESTIMATE);
    };
    match figure {
        Figure::Officers => Cell::Value {
            before: mb.get(MetricKey::StaffTotal),
            after: ma.get(MetricKey::StaffTotal),
        },
        Figure::Metric(MetricKey::WorkloadSpread)
            if s.before().walk().iter().all(|(_, u)| u.incidents == 0) =>
        {
            Cell::NotModelled(NO_INCIDENTS)
        }
        Figure::Metric(k) => Cell::Value {
            before: mb.get(k),
            after: ma.get(k),
        },
        Figure::ResponseTime => match (response_minutes(a, mb, 0), response_minutes(a, ma, last)) {
            (Some(before), Some(after)) => Cell::Value { before, after },
            _ => Cell::NotModelled(NO_ESTIMATE),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_city_builds_in_every_model_with_its_officers() {
        let city = City::of(&City::defaults());
        let all = apply(&city);
        assert_eq!(all.len(), 4);
        for a in &all {
            let s = a
                .result
                .as_ref()
                .unwrap_or_else(|e| panic!("{}: {e:?}", a.variant.key));
            let staff = f64::from(s.before().staff_total().total());
            // Tianjin's station model holds the stations' officers only.
            // Haidong takes 60 of the 70 stations, and that share of the officers.
            let part = a.city_officers;
            let expect = if a.case == CaseId::Tianjin {
                part * 0.3
            } else {
                part * 0.95
            };
            assert!(
                staff >= expect && staff <= part * 1.05,
                "{}: {staff}",
                a.variant.key
            );
            for f in FIGURES {
                assert!(!matches!(cell(a, f), Cell::Failed(_)));
            }
        }
    }
}
