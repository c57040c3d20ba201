//! Related models: the other ways of running stations that document 001 describes beside
//! Daqing's reform, the "一警一区" duty system and its four modes, Yunnan's "三队一组" station
//! and Kunming's "一级接警、两级处警". They are described and quoted: the page lists them under
//! "related models" in the sources panel of every case. Yunnan's, the one whose source gives a
//! structure to draw, is also modelled, as Daqing's `yunnan` scope (document 001 is Daqing's).
//!
//! Each description keeps to what the quotes say; where the source leaves something out (what
//! the "一组" of Yunnan's model is, how many officers any mode has), the description says so.

use crate::i18n::Text;
use crate::model::source::Source;

/// The document they all come from.
pub const DOC: &str = "001";

/// One model the sources describe but the explorer does not build.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelatedModel {
    /// The `data-related` hook.
    pub key: &'static str,
    pub name: Text,
    /// What it is, in the page's words, kept to what the quotes say.
    pub summary: Text,
    /// The phrases it comes from, in the document's order.
    pub sources: &'static [Source],
    /// Its variants or modes, where the source lists them.
    pub parts: &'static [RelatedPart],
}

/// A mode of a related model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelatedPart {
    /// The `data-related-part` hook.
    pub key: &'static str,
    pub name: Text,
    pub summary: Text,
    pub source: Source,
}

const Q_AREA_SINCE: &str = "自一九九八年在全国公安派出所实行以“一警一区”为主要特征的勤务制度以来";
const Q_AREA_IS: &str = "总体上实行了“一警一区”的派出所勤务制度,即责任区勤务制度";
const Q_AREA_FOUR: &str = "归纳起来,主要采用以下四种勤务模式";
const Q_SERGEANT: &str = "即将邻近的数个责任区组建为一个警务区,由骨干民警任警长,负责本片责任区间的协调配合,应付紧急警务活动,责任区民警对警长负责,警长对所长负责";
const Q_PARTNERS: &str = "实行二个责任区民警搭档式的组合,日常工作以单个民警工作为主,遇到案件调查、取证等需要有二个民警参与的,则实行搭档式工作";
const Q_TRADES: &str = "即在一警一区的基础上,打破地域界限,以行业为依据,将所辖的特种行业、公共复杂场所划为一个责任区,由一个责任区民警专职负责日常管理";
const Q_ONE_AREA: &str = "这种勤务模式在各地派出所所占比例较大,其特点是日常工作基本上是责任区民警“单干”为主,实行区域管理全权负责制";
const Q_YUNNAN: &str = "云南省深化城市派出所改革";
const Q_THREE_UNDER_HEAD: &str =
    "由于社区民警、刑侦、巡警三个警种都在派出所所长的领导下,由一个脑袋指挥";
const Q_THREE_FORCES: &str =
    "派出所由以管理和防范为主上升为打防控一体化,三支主力军相互配合,互通信息,阵地前移,工作重点下沉";
const Q_KUNMING: &str = "市公安局实行的是一级接警、两级处警";
const Q_KUNMING_WHY: &str = "鉴于昆明市老城区的派出所管辖面积相对较小、派出所数量相对较多,而新城区发展较快,城市管理发展滞后,派出所数量相对较少,管辖面积相对较大";
const Q_KUNMING_HOW: &str = "省厅允许昆明市局探索将城市分局作为打防控一体化的基层载体,派出所相当于其它地方的社区民警中队,所长对刑侦中队、巡警中队只行使协调权,不负有领导之责";

const fn q(quote: &'static str) -> Source {
    Source::seed(DOC, quote)
}

/// The related models, in the document's order.
pub const RELATED: &[RelatedModel] = &[
    RelatedModel {
        key: "one_officer_one_area",
        name: Text::new(
            "“一警一区”责任区勤务制度（1998 年起）",
            "“One officer, one area”: the responsibility-area duty system (from 1998)",
        ),
        summary: Text::new(
            "派出所辖区划为责任区，每个责任区由一名民警负责管理，按目标考核。资料归纳出四种勤务模式；资料未给出任何人数。",
            "A station's ground is divided into responsibility areas, each run by one officer and assessed against set targets. The source sorts the practice into four duty modes; it gives no numbers of officers.",
        ),
        sources: &[q(Q_AREA_SINCE), q(Q_AREA_IS), q(Q_AREA_FOUR)],
        parts: &[
            RelatedPart {
                key: "sergeant",
                name: Text::new("警长负责制", "Sergeant responsibility"),
                summary: Text::new(
                    "相邻的几个责任区组成一个警务区，由骨干民警任警长：责任区民警对警长负责，警长对所长负责。",
                    "Neighbouring responsibility areas form a policing area under a sergeant chosen from experienced officers: area officers answer to the sergeant, the sergeant to the station head.",
                ),
                source: q(Q_SERGEANT),
            },
            RelatedPart {
                key: "partners",
                name: Text::new("搭档联勤制", "Partnered duty"),
                summary: Text::new(
                    "两个责任区的民警结成搭档：平时各管本区，案件调查、取证等需要两人时一起工作。",
                    "The officers of two responsibility areas are paired: each works their own area day to day, and they work together when an investigation or evidence-taking needs two.",
                ),
                source: q(Q_PARTNERS),
            },
            RelatedPart {
                key: "trades",
                name: Text::new("特业场所管理专勤制", "Special trades and premises duty"),
                summary: Text::new(
                    "不按地域、按行业划区：辖区内的特种行业和公共复杂场所合为一个责任区，由一名民警专职管理。",
                    "An area drawn by trade, not by ground: the special trades and busy public premises of the station's ground form one responsibility area, run full time by one officer.",
                ),
                source: q(Q_TRADES),
            },
            RelatedPart {
                key: "one_area_one_officer",
                name: Text::new("一区一警勤务制", "One area, one officer"),
                summary: Text::new(
                    "各地派出所中最常见：责任区民警基本“单干”，对本区全权负责。",
                    "The most common mode: the area officer mostly works alone and is fully responsible for the area.",
                ),
                source: q(Q_ONE_AREA),
            },
        ],
    },
    RelatedModel {
        key: "three_teams_one_group",
        name: Text::new(
            "云南：城市派出所“三队一组”",
            "Yunnan: the city station's “three teams, one group”",
        ),
        summary: Text::new(
            "社区民警、刑侦、巡警三个警种都归派出所所长领导，由所长统一指挥，把打、防、控合在派出所。资料未说明“一组”是什么，也未给出人数。结构已建模：见大庆案例的“云南‘三队一组’”范围。",
            "Community officers, criminal investigation and patrol all come under the station head, who commands the three together, so that the station both prevents and fights crime. The source does not say what the “one group” is, nor how many officers each part has. Its structure is modelled: see the Daqing case's “Yunnan's three teams, one group” scope.",
        ),
        sources: &[q(Q_YUNNAN), q(Q_THREE_UNDER_HEAD), q(Q_THREE_FORCES)],
        parts: &[],
    },
    RelatedModel {
        key: "kunming",
        name: Text::new(
            "昆明：“一级接警、两级处警”",
            "Kunming: “one level takes the calls, two levels respond”",
        ),
        summary: Text::new(
            "老城区派出所多而小、新城区少而大，昆明以城市分局为打防控的基层单位：派出所相当于社区民警中队，所长对刑侦中队、巡警中队只有协调权，不领导它们（与云南其他地方的“三队一组”相反）。",
            "With many small stations in the old city and few large ones in the new, Kunming makes the urban sub-bureau the base unit instead: a station is in effect a community officers' squadron, and its head only coordinates the criminal investigation and patrol squadrons, without leading them (the opposite of Yunnan's “three teams, one group”).",
        ),
        sources: &[q(Q_KUNMING), q(Q_KUNMING_WHY), q(Q_KUNMING_HOW)],
        parts: &[],
    },
];
