//! The organisation tree. Every count the app shows (tiers, layers, spans, staff) is computed
//! from this tree by `metrics`; nothing structural is stored beside it.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use crate::i18n::{Name, Text};

/// A unit id: shared text, cheap to clone, compared and hashed as the `str` it holds (so it
/// compares with `&str` and `String`, and looks up `HashMap<&str, _>` keys). `Arc`, not `Rc`:
/// the app keeps trees in memos, which must be `Send + Sync` (on wasm32 `Arc` costs what `Rc`
/// does).
#[derive(Clone, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The pieces written one after another (what `id!` calls): one allocation, no `format!`.
    pub fn from_parts(parts: &[&dyn IdPart]) -> Id {
        let mut buf = IdBuf {
            bytes: [0; 64],
            len: 0,
            long: Vec::new(),
        };
        for p in parts {
            p.put(&mut buf);
        }
        Id(Arc::from(buf.text()))
    }
}

/// A unit id from text and numbers written one after another: `id![parent.id, "/t", n + 1]`.
macro_rules! id {
    ($($part:expr),+ $(,)?) => {
        $crate::model::org::Id::from_parts(&[$(&$part as &dyn $crate::model::org::IdPart),+])
    };
}
pub(crate) use id;

/// A piece of an id (`id!`): text, an id, or a whole number in decimal.
pub trait IdPart {
    #[doc(hidden)]
    fn put(&self, buf: &mut IdBuf);
}

impl<T: IdPart + ?Sized> IdPart for &T {
    fn put(&self, buf: &mut IdBuf) {
        (**self).put(buf);
    }
}

impl IdPart for str {
    fn put(&self, buf: &mut IdBuf) {
        buf.push(self.as_bytes());
    }
}

impl IdPart for Id {
    fn put(&self, buf: &mut IdBuf) {
        buf.push(self.as_bytes());
    }
}

impl IdPart for usize {
    fn put(&self, buf: &mut IdBuf) {
        (*self as u64).put(buf);
    }
}

impl IdPart for u64 {
    fn put(&self, buf: &mut IdBuf) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = *self;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        buf.push(&digits[at..]);
    }
}

/// An id being written: on the stack while short, spilled onto the heap when long.
#[doc(hidden)]
pub struct IdBuf {
    bytes: [u8; 64],
    len: usize,
    long: Vec<u8>,
}

impl IdBuf {
    /// Appends the bytes of a `str` or ASCII digits.
    fn push(&mut self, b: &[u8]) {
        let end = self.len + b.len();
        if self.long.is_empty() {
            if let Some(dst) = self.bytes.get_mut(self.len..end) {
                dst.copy_from_slice(b);
                self.len = end;
                return;
            }
            self.long.extend_from_slice(&self.bytes[..self.len]);
        }
        self.long.extend_from_slice(b);
    }
    fn text(&self) -> &str {
        let b = if self.long.is_empty() {
            &self.bytes[..self.len]
        } else {
            &self.long
        };
        // Only whole `str`s and ASCII digits are pushed, so this is always valid UTF-8.
        std::str::from_utf8(b).unwrap_or_default()
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for Id {}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self == other.as_str()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(Arc::from(s))
    }
}

impl From<String> for Id {
    fn from(s: String) -> Id {
        Id(Arc::from(s))
    }
}

impl From<&Id> for Id {
    fn from(id: &Id) -> Id {
        id.clone()
    }
}

/// The baseline ids a unit was formed from (`Unit::from`): a shared list, cheap to clone, and
/// no allocation when empty. Reads as a slice of `Id`s.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Ids(Option<Arc<[Id]>>);

impl Deref for Ids {
    type Target = [Id];
    fn deref(&self) -> &[Id] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl From<Vec<Id>> for Ids {
    fn from(ids: Vec<Id>) -> Ids {
        Ids((!ids.is_empty()).then(|| Arc::from(ids)))
    }
}

impl Ids {
    /// The baseline ids `parts` stand for (`Unit::origin_ids`), in order, once each.
    pub fn of<'a>(parts: impl IntoIterator<Item = &'a Unit>) -> Ids {
        union(Vec::new(), parts)
    }
}

/// `ids` followed by the origins of `parts` not already among them.
fn union<'a>(mut ids: Vec<Id>, parts: impl IntoIterator<Item = &'a Unit>) -> Ids {
    let parts = parts.into_iter();
    // Each part stands for at least one id.
    ids.reserve(parts.size_hint().0);
    for p in parts {
        push_new(&mut ids, p.origin_ids());
    }
    Ids::from(ids)
}

/// Appends the ids of `more` that `ids` does not hold yet, in order.
fn push_new(ids: &mut Vec<Id>, more: &[Id]) {
    for o in more {
        if !ids.contains(o) {
            ids.push(o.clone());
        }
    }
}

impl fmt::Debug for Ids {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T, const N: usize> PartialEq<[T; N]> for Ids
where
    Id: PartialEq<T>,
{
    fn eq(&self, other: &[T; N]) -> bool {
        self[..] == other[..]
    }
}

impl<T> PartialEq<Vec<T>> for Ids
where
    Id: PartialEq<T>,
{
    fn eq(&self, other: &Vec<T>) -> bool {
        self[..] == other[..]
    }
}
/// Staff of a whole organisation, at most (an imported or edited one): the largest force any
/// case's parameters allow (Daqing's and the typical city's officers). The measures build units
/// in proportion to the officers, so a force without bound could take the page down, and every
/// sum of staff stays far inside `u32`.
pub const MAX_TOTAL_STAFF: u64 = 100_000;

/// What a unit is. Territorial kinds form the management tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    MunicipalBureau,
    SubBureau,
    CountyBureau,
    Station,
    CentralStation,
    District,
    InternalUnit,
    /// A section inside an internal or attached unit (科/股级, or 副处级 after Tianjin's merge).
    Section,
    /// A command or duty office inside a station or district (情报指挥室, 综合指挥室).
    Office,
    Team,
    /// A traffic police area (警区) inside a traffic brigade, led by a sergeant (Tianjin's 66).
    PoliceArea,
    /// A group, smaller than a team (组: Tianjin's small stations, Zhejiang's detective groups).
    Group,
    /// A community police room (社区警务室).
    CommunityRoom,
}

/// Incidents per officer of a unit of `kind` with `incidents` and `staff` in its subtree: only
/// stations and districts (the units whose workload Haidong's reform compares) with both.
pub fn per_officer(kind: UnitKind, incidents: u64, staff: u32) -> Option<f64> {
    (matches!(
        kind,
        UnitKind::Station | UnitKind::CentralStation | UnitKind::District
    ) && incidents > 0
        && staff > 0)
        .then(|| incidents as f64 / f64::from(staff))
}

impl UnitKind {
    /// Every kind, from the top bureau down to the smallest unit.
    pub const ALL: [UnitKind; 13] = [
        UnitKind::MunicipalBureau,
        UnitKind::SubBureau,
        UnitKind::CountyBureau,
        UnitKind::Station,
        UnitKind::CentralStation,
        UnitKind::District,
        UnitKind::InternalUnit,
        UnitKind::Section,
        UnitKind::Office,
        UnitKind::Team,
        UnitKind::PoliceArea,
        UnitKind::Group,
        UnitKind::CommunityRoom,
    ];
    /// The kind's name, as the legend, the change summary and the tables say it.
    pub fn name(self) -> Text {
        match self {
            UnitKind::MunicipalBureau => Text::new("市局", "Municipal bureau"),
            UnitKind::SubBureau => Text::new("分局", "Sub-bureau"),
            UnitKind::CountyBureau => Text::new("县局", "County bureau"),
            UnitKind::Station => Text::new("派出所", "Police station"),
            UnitKind::CentralStation => Text::new("中心派出所", "Central station"),
            UnitKind::District => Text::new("防区", "District"),
            UnitKind::InternalUnit => Text::new("内设机构", "Internal unit"),
            UnitKind::Section => Text::new("科室（科级／处级）", "Section"),
            UnitKind::Office => Text::new("室", "Office"),
            UnitKind::Group => Text::new("组", "Group"),
            UnitKind::CommunityRoom => Text::new("社区警务室", "Community police room"),
            UnitKind::Team => Text::new("队", "Team"),
            UnitKind::PoliceArea => Text::new("警区", "Traffic police area"),
        }
    }
    /// Territorial units are the management tiers (市局-分局-派出所 = 3 tiers).
    pub fn is_territorial(self) -> bool {
        matches!(
            self,
            UnitKind::MunicipalBureau
                | UnitKind::SubBureau
                | UnitKind::CountyBureau
                | UnitKind::Station
                | UnitKind::CentralStation
        )
    }
    pub fn is_station(self) -> bool {
        matches!(self, UnitKind::Station | UnitKind::CentralStation)
    }
    /// A stable lower-case key, used as a CSS class and a `data-kind` value.
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::MunicipalBureau => "municipal_bureau",
            UnitKind::SubBureau => "sub_bureau",
            UnitKind::CountyBureau => "county_bureau",
            UnitKind::Station => "station",
            UnitKind::CentralStation => "central_station",
            UnitKind::District => "district",
            UnitKind::InternalUnit => "internal_unit",
            UnitKind::Section => "section",
            UnitKind::Office => "office",
            UnitKind::Team => "team",
            UnitKind::PoliceArea => "police_area",
            UnitKind::Group => "group",
            UnitKind::CommunityRoom => "community_room",
        }
    }
}

/// Where a station serves, where the sources tell them apart: the county town (城关) or the
/// countryside (农村). Measures that act on one or the other (Daqing's county-town stations
/// abolished, rural stations merged) recognise them by this, not by their names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Setting {
    #[default]
    Unspecified,
    /// In the county town (城关派出所).
    CountyTown,
    /// In the countryside (农村派出所).
    Rural,
}

/// Who runs a unit's personnel, finance, assets and Party relations (人、财、物和党组织关系), where
/// the sources tell it apart. Daqing's measure 1 (一是 垂直管理) changes it for the sub-bureaus:
/// "以块为主" (the district government runs them; the bureau above has a limited say in
/// appointments and guides their work) becomes "以条为主" (the bureau above runs them directly).
/// The diagram draws a locally run unit's line from the bureau above as a guidance line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lead {
    /// The unit above it in the tree (条, vertical management); what every unit has unless a
    /// source says otherwise.
    #[default]
    Above,
    /// The local government of its area (块: a district or county government); the unit above
    /// only guides its work.
    Local,
}

/// The line of work a unit belongs to, where it matters to a metric (e.g. the investigation
/// chain: 刑侦大队 → 片区刑侦队 → 派出所刑侦探组).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Branch {
    Command,
    Community,
    Patrol,
    Investigation,
    /// A station's case handling (执法办案: its case officers and case team), not the criminal
    /// investigation chain above.
    CaseHandling,
    Supervision,
    Support,
    /// Traffic policing (交警: Tianjin's traffic brigades and their police areas).
    Traffic,
    /// Intelligence (情报: Daqing's intelligence and information centre).
    Intelligence,
    /// Counter-terrorism (反恐: Daqing's counter-terrorism division).
    CounterTerrorism,
    /// Domestic security (国保: Daqing's domestic security detachment).
    DomesticSecurity,
    /// Economic protection (经保: guarding enterprises and institutions; Daqing's public order
    /// detachment's economic-protection work).
    EconomicProtection,
}

/// A rank an order passes on its way down (指挥层次), as the sources name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank(pub Text);

pub const CHIEF: Rank = Rank(Text::new("局长", "chief"));
pub const DEPUTY_CHIEF: Rank = Rank(Text::new("副局长", "deputy chief"));
pub const BRIGADE_HEAD: Rank = Rank(Text::new("大队长", "brigade head"));
pub const DEPUTY_BRIGADE_HEAD: Rank = Rank(Text::new("副大队长", "deputy brigade head"));
pub const SQUADRON_HEAD: Rank = Rank(Text::new("中队长", "squadron head"));
pub const SERGEANT: Rank = Rank(Text::new("警长", "sergeant"));
pub const OFFICER: Rank = Rank(Text::new("民警", "officer"));
pub const STATION_HEAD: Rank = Rank(Text::new("所长", "station head"));
pub const DEPUTY_STATION_HEAD: Rank = Rank(Text::new("副所长", "deputy station head"));
pub const TEAM_LEADER: Rank = Rank(Text::new("队长", "team leader"));

/// The children of a unit, read and written like a `Vec<Unit>`. Copy on write: cloning a tree
/// shares them, and the first mutable access to a shared list copies that one level (its units
/// still share their own children). So every step of a scenario shares what its lever did not
/// touch. An empty list allocates nothing.
#[derive(Clone, Default)]
pub struct Children(Option<Arc<Vec<Unit>>>);

static NO_UNITS: Vec<Unit> = Vec::new();

impl Children {
    /// The address of the list (0 when empty): the same for every tree that shares it, and
    /// never another list's while a tree holding it is kept (`state::organisation::file`
    /// reuses the text of a shared subtree by it).
    pub fn addr(&self) -> usize {
        self.0.as_ref().map_or(0, |a| Arc::as_ptr(a) as usize)
    }
    /// Mutable iteration; an empty list stays unallocated.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Unit> {
        match &mut self.0 {
            Some(units) => Arc::make_mut(units).iter_mut(),
            None => [].iter_mut(),
        }
    }
    /// Takes the units out, split into those that match `pred` and the rest, each in order.
    /// Units another tree still shares are cloned one by one (their own children stay shared).
    pub fn take_split(&mut self, pred: impl Fn(&Unit) -> bool) -> (Vec<Unit>, Vec<Unit>) {
        let n = self.iter().filter(|u| pred(u)).count();
        let mut yes = Vec::with_capacity(n);
        let mut no = Vec::with_capacity(self.len() - n);
        let mut put = |u: Unit| {
            if pred(&u) {
                yes.push(u);
            } else {
                no.push(u);
            }
        };
        match self.0.take().map(Arc::try_unwrap) {
            Some(Ok(units)) => units.into_iter().for_each(&mut put),
            Some(Err(shared)) => shared.iter().cloned().for_each(&mut put),
            None => {}
        }
        (yes, no)
    }
}

impl Deref for Children {
    type Target = Vec<Unit>;
    fn deref(&self) -> &Vec<Unit> {
        self.0.as_deref().unwrap_or(&NO_UNITS)
    }
}

impl std::ops::DerefMut for Children {
    fn deref_mut(&mut self) -> &mut Vec<Unit> {
        Arc::make_mut(self.0.get_or_insert_with(Arc::default))
    }
}

impl From<Vec<Unit>> for Children {
    fn from(units: Vec<Unit>) -> Children {
        Children((!units.is_empty()).then(|| Arc::new(units)))
    }
}

impl FromIterator<Unit> for Children {
    fn from_iter<I: IntoIterator<Item = Unit>>(iter: I) -> Children {
        Children::from(iter.into_iter().collect::<Vec<Unit>>())
    }
}

impl IntoIterator for Children {
    type Item = Unit;
    type IntoIter = std::vec::IntoIter<Unit>;
    /// The units, moved out when no other tree shares them, else cloned.
    fn into_iter(self) -> Self::IntoIter {
        self.0
            .map(Arc::unwrap_or_clone)
            .unwrap_or_default()
            .into_iter()
    }
}

impl<'a> IntoIterator for &'a Children {
    type Item = &'a Unit;
    type IntoIter = std::slice::Iter<'a, Unit>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Children {
    type Item = &'a mut Unit;
    type IntoIter = std::slice::IterMut<'a, Unit>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl PartialEq for Children {
    fn eq(&self, other: &Children) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => true,
            _ => self[..] == other[..],
        }
    }
}

impl fmt::Debug for Children {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self[..], f)
    }
}

/// Staff posted in a unit itself (not in its children).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Staff {
    /// Headquarters (organ) posts: leadership, administration, command rooms (机关).
    pub organ: u32,
    /// Operational posts (一线).
    pub frontline: u32,
}

impl Staff {
    pub const fn new(organ: u32, frontline: u32) -> Self {
        Staff { organ, frontline }
    }
    pub fn total(self) -> u32 {
        self.organ + self.frontline
    }
}

impl std::ops::Add for Staff {
    type Output = Staff;
    fn add(self, o: Staff) -> Staff {
        Staff::new(self.organ + o.organ, self.frontline + o.frontline)
    }
}

/// One unit of the organisation and everything below it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Stable within a case: the same unit keeps its id when parameters change.
    pub id: Id,
    pub name: Name,
    /// The name of the class of unit ("分局", "Sub-bureau"), used when identical units are grouped.
    pub role: Text,
    pub kind: UnitKind,
    pub staff: Staff,
    /// Residents of the unit's area (territorial units only, else 0).
    pub residents: u64,
    /// Incidents a year in the unit's area (警情; only where a case models workload, else 0).
    pub incidents: u64,
    /// Villages and communities (村、社区) in the unit's area, where known (Haidong's stations),
    /// else 0. Haidong's community team sits at the district's station with most of them.
    pub communities: u64,
    /// The unit's area in km², where known (an imported organisation's `area_km2`), else 0.
    /// No measure reads it; it is kept so that a file read and written again is the same.
    pub area_km2: f64,
    pub branch: Option<Branch>,
    /// Where a station serves (county town or countryside), where the sources say.
    pub setting: Setting,
    /// Who runs its personnel, finance, assets and Party relations (see [`Lead`]).
    pub lead: Lead,
    /// The ids of the units whose areas border this one's, where known (stations on a map);
    /// empty otherwise. Measures that group neighbouring units (Haidong's districts) read it.
    pub neighbours: Ids,
    /// Ranks an order passes inside this unit, top down.
    pub ranks: &'static [Rank],
    /// True when the sources do not name this unit and the model generated it.
    pub placeholder: bool,
    /// Lineage: ids of the baseline units this unit was formed from by a merge. Empty when the
    /// unit is itself a baseline unit (same id) or was created from nothing.
    pub from: Ids,
    pub children: Children,
}

impl Unit {
    pub fn new(id: impl Into<Id>, name: Name, role: Text, kind: UnitKind) -> Self {
        Unit {
            id: id.into(),
            name,
            role,
            kind,
            staff: Staff::default(),
            residents: 0,
            communities: 0,
            area_km2: 0.0,
            incidents: 0,
            branch: None,
            setting: Setting::Unspecified,
            lead: Lead::Above,
            neighbours: Ids::default(),
            ranks: &[],
            placeholder: false,
            from: Ids::default(),
            children: Children::default(),
        }
    }
    pub fn with_staff(mut self, staff: Staff) -> Self {
        self.staff = staff;
        self
    }
    pub fn with_ranks(mut self, ranks: &'static [Rank]) -> Self {
        self.ranks = ranks;
        self
    }
    pub fn with_residents(mut self, residents: u64) -> Self {
        self.residents = residents;
        self
    }
    pub fn with_communities(mut self, communities: u64) -> Self {
        self.communities = communities;
        self
    }
    pub fn with_area(mut self, km2: f64) -> Self {
        self.area_km2 = km2;
        self
    }
    pub fn with_incidents(mut self, incidents: u64) -> Self {
        self.incidents = incidents;
        self
    }
    pub fn with_branch(mut self, branch: Branch) -> Self {
        self.branch = Some(branch);
        self
    }
    pub fn with_neighbours(mut self, neighbours: Ids) -> Self {
        self.neighbours = neighbours;
        self
    }
    pub fn with_setting(mut self, setting: Setting) -> Self {
        self.setting = setting;
        self
    }
    pub fn with_lead(mut self, lead: Lead) -> Self {
        self.lead = lead;
        self
    }
    /// A station of the county town (城关派出所).
    pub fn is_county_town_station(&self) -> bool {
        self.kind.is_station() && self.setting == Setting::CountyTown
    }
    /// A station of the countryside (农村派出所; not a central station, which rural stations
    /// merge into).
    pub fn is_rural_station(&self) -> bool {
        self.kind == UnitKind::Station && self.setting == Setting::Rural
    }
    /// Records that this unit was formed from `parts` (their own origins, in order, once each).
    pub fn formed_from<'a>(mut self, parts: impl IntoIterator<Item = &'a Unit>) -> Self {
        self.from = union(self.from.to_vec(), parts);
        self
    }
    /// Sets the lineage to `from`: for several units formed from the same parts, compute
    /// `Ids::of(parts)` once and give each a clone.
    pub fn with_from(mut self, from: Ids) -> Self {
        self.from = from;
        self
    }
    /// Records that this unit took in the units `from` stands for (their officers joined it):
    /// its lineage becomes what it stood for, followed by theirs, so the lineage shows them as
    /// merged into it instead of abolished.
    pub fn absorb(&mut self, from: &Ids) {
        if from.is_empty() {
            return;
        }
        let mut ids = self.origin_ids().to_vec();
        push_new(&mut ids, from);
        self.from = ids.into();
    }
    /// The baseline ids this unit stands for: its lineage, or its own id.
    pub fn origin_ids(&self) -> &[Id] {
        if self.from.is_empty() {
            std::slice::from_ref(&self.id)
        } else {
            &self.from
        }
    }
    /// `origin_ids` as strings.
    pub fn origins(&self) -> Vec<String> {
        self.origin_ids().iter().map(Id::to_string).collect()
    }
    pub fn placeholder(mut self) -> Self {
        self.placeholder = true;
        self
    }
    pub fn with_children(mut self, children: Vec<Unit>) -> Self {
        self.children = Children::from(children);
        self
    }

    /// Staff of this unit and all units below it.
    pub fn staff_total(&self) -> Staff {
        self.children
            .iter()
            .fold(self.staff, |acc, c| acc + c.staff_total())
    }

    /// Incidents in this unit's area and its children's.
    pub fn incidents_total(&self) -> u64 {
        self.children
            .iter()
            .fold(self.incidents, |acc, c| acc + c.incidents_total())
    }

    /// Incidents per officer of a unit whose workload is compared (a station or a district,
    /// with incidents and staff below it); `None` for any other unit.
    pub fn incidents_per_officer(&self) -> Option<f64> {
        let staff = self.staff_total().total();
        per_officer(self.kind, self.incidents_total(), staff)
    }

    /// A figure of the unit by the key a table column uses: "staff" (the unit and everything
    /// below it), "incidents", "population" (residents).
    pub fn field(&self, key: &str) -> Option<f64> {
        match key {
            "staff" => Some(f64::from(self.staff_total().total())),
            "incidents" => Some(self.incidents as f64),
            "population" => Some(self.residents as f64),
            _ => None,
        }
    }

    /// How many units below this one `pred` matches (a match is not looked inside).
    pub fn count_below(&self, pred: &dyn Fn(&Unit) -> bool) -> usize {
        self.children
            .iter()
            .map(|c| if pred(c) { 1 } else { c.count_below(pred) })
            .sum()
    }

    /// Calls `f` on every unit below this one that `pred` matches, at any depth, in tree order
    /// (a match is not looked inside), and stops at the first error. Only the levels on the way
    /// to a match are copied; every other subtree stays shared with the trees it came from.
    /// The one way measures find what they act on wherever it sits in an organisation.
    pub fn try_each_below<E>(
        &mut self,
        pred: &dyn Fn(&Unit) -> bool,
        f: &mut dyn FnMut(&mut Unit) -> Result<(), E>,
    ) -> Result<(), E> {
        for i in 0..self.children.len() {
            let c = &self.children[i];
            if pred(c) {
                f(&mut self.children[i])?;
            } else if c.has_below(pred) {
                self.children[i].try_each_below(pred, f)?;
            }
        }
        Ok(())
    }

    /// The units below this one that `pred` matches, in the order `try_each_below` visits them
    /// (a match is not looked inside).
    pub fn find_below(&self, pred: &dyn Fn(&Unit) -> bool) -> Vec<&Unit> {
        let mut out = Vec::new();
        for c in self.children.iter() {
            if pred(c) {
                out.push(c);
            } else {
                out.extend(c.find_below(pred));
            }
        }
        out
    }

    /// True when some unit below this one matches `pred` (stops at the first).
    pub fn has_below(&self, pred: &dyn Fn(&Unit) -> bool) -> bool {
        self.children.iter().any(|c| pred(c) || c.has_below(pred))
    }

    /// Calls `f` on this unit when `pred` matches it (with `true`: it is the top), else on every
    /// unit below that matches (`try_each_below`, with `false`). How a measure acts on the top
    /// bureau when it holds what the measure needs, else on each unit below that does (a city's
    /// county bureaus).
    pub fn try_self_or_each_below<E>(
        &mut self,
        pred: &dyn Fn(&Unit) -> bool,
        f: &mut dyn FnMut(&mut Unit, bool) -> Result<(), E>,
    ) -> Result<(), E> {
        if pred(self) {
            f(self, true)
        } else {
            self.try_each_below(pred, &mut |u| f(u, false))
        }
    }

    /// Shares `n` frontline posts evenly (`split_evenly`, in tree order) among the units below
    /// this one that `pred` matches, at any depth; returns how many there are (with none,
    /// nothing is given: the caller says why).
    pub fn add_frontline_below(&mut self, pred: &dyn Fn(&Unit) -> bool, n: u64) -> usize {
        let count = self.count_below(pred);
        let parts = split_evenly(n, count);
        let mut k = 0;
        let _ = self.try_each_below::<()>(pred, &mut |u| {
            let add = parts.get(k).copied().unwrap_or(0);
            u.staff.frontline = u
                .staff
                .frontline
                .saturating_add(u32::try_from(add).unwrap_or(u32::MAX));
            k += 1;
            Ok(())
        });
        count
    }

    /// Every unit of the tree, depth first, parents before children, with its depth (root = 0).
    pub fn walk(&self) -> Vec<(usize, &Unit)> {
        let mut out = Vec::new();
        let mut stack = vec![(0usize, self)];
        while let Some((depth, u)) = stack.pop() {
            out.push((depth, u));
            for c in u.children.iter().rev() {
                stack.push((depth + 1, c));
            }
        }
        out
    }
}

/// Splits `total` into `parts` whole numbers that differ by at most one, larger ones first.
/// `parts == 0` gives an empty list.
pub fn split_evenly(total: u64, parts: usize) -> Vec<u64> {
    if parts == 0 {
        return Vec::new();
    }
    let p = parts as u64;
    let (base, rest) = (total / p, total % p);
    (0..p).map(|i| base + u64::from(i < rest)).collect()
}

/// Shares `total` among buckets in proportion to `weights` (largest remainder), so that the
/// parts sum to `total` and no part exceeds its weight when `total <= sum(weights)`.
/// All-zero weights give all-zero parts.
pub fn apportion(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u64 = weights.iter().sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<u128> = weights
        .iter()
        .map(|w| u128::from(*w) * u128::from(total))
        .collect();
    let mut parts: Vec<u64> = exact.iter().map(|e| (e / u128::from(sum)) as u64).collect();
    let rest: Vec<u128> = exact.iter().map(|e| e % u128::from(sum)).collect();
    let mut left = total.saturating_sub(parts.iter().sum());
    if left == 0 {
        return parts;
    }
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; ties go to the earlier bucket, so the result is deterministic.
    super::order::sort_by_key(&mut order, |&i| std::cmp::Reverse(rest[i]));
    for i in order {
        if left == 0 {
            break;
        }
        if rest[i] > 0 {
            parts[i] += 1;
            left -= 1;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_as_format_would() {
        let parent = Id::from("sb12");
        assert_eq!(id![parent, "/t", 0usize], "sb12/t0");
        assert_eq!(id!["st", u64::MAX], format!("st{}", u64::MAX));
        // Past the stack buffer, at once and halfway through.
        let long = "长".repeat(30);
        assert_eq!(id![long.as_str(), "/", 7usize], format!("{long}/7"));
        let near = "y".repeat(60);
        assert_eq!(id![near.as_str(), "/", 12345usize], format!("{near}/12345"));
        assert_eq!(Id::from("a"), String::from("a"));
        assert_eq!(Ids::from(vec![Id::from("a"), Id::from("b")]), ["a", "b"]);
        assert!(Ids::from(Vec::new()).is_empty());
    }

    #[test]
    fn children_are_copied_on_write() {
        let u = |id: &str| Unit::new(id, Name::of(CHIEF.0), CHIEF.0, UnitKind::Team);
        let before = u("r").with_children(vec![u("a").with_children(vec![u("a1")]), u("b")]);
        let mut after = before.clone();
        after.children[0].children[0].staff = Staff::new(1, 2);
        after.children[1].children.push(u("b1"));
        assert_eq!(before.children[0].children[0].staff, Staff::default());
        assert!(before.children[1].children.is_empty());
        assert_eq!(after.walk().len(), 5);
        let moved: Vec<Unit> = after.children.clone().into_iter().collect();
        assert_eq!(moved[..], after.children[..]);
        assert_eq!(before.clone(), before);
        assert_ne!(after, before);
        assert_eq!(Children::from(Vec::new()), Children::default());
        // Split, shared with another tree or not: the same units, in order.
        let mut shared = before.clone();
        let (a, rest) = shared.children.take_split(|c| c.id == "a");
        assert_eq!((a.len(), rest.len()), (1, 1));
        assert_eq!((a[0].id.as_str(), rest[0].id.as_str()), ("a", "b"));
        assert!(shared.children.is_empty() && before.children.len() == 2);
        let kids: Vec<Unit> = before.children.to_vec();
        let mut own = before;
        let (none, all) = own.children.take_split(|_| false);
        assert!(none.is_empty());
        assert_eq!(all[..], kids[..]);
    }

    #[test]
    fn each_below_finds_matches_at_any_depth_and_copies_only_their_paths() {
        let u = |id: &str, kind| Unit::new(id, Name::of(CHIEF.0), CHIEF.0, kind);
        let before = u("r", UnitKind::MunicipalBureau).with_children(vec![
            u("s1", UnitKind::Station),
            u("sb", UnitKind::SubBureau).with_children(vec![
                u("s2", UnitKind::Station).with_children(vec![u("s2/x", UnitKind::Station)]),
                u("iu", UnitKind::InternalUnit),
            ]),
            u("other", UnitKind::SubBureau).with_children(vec![u("iu2", UnitKind::InternalUnit)]),
        ]);
        let is_station = |x: &Unit| x.kind.is_station();
        assert_eq!(before.count_below(&is_station), 2);
        let mut after = before.clone();
        let mut seen = Vec::new();
        let r: Result<(), ()> = after.try_each_below(&is_station, &mut |st| {
            seen.push(st.id.to_string());
            st.staff = Staff::new(1, 1);
            Ok(())
        });
        assert!(r.is_ok());
        // In tree order, and a match is not looked inside.
        assert_eq!(seen, ["s1", "s2"]);
        assert_eq!(after.children[1].children[0].staff, Staff::new(1, 1));
        assert_eq!(before.children[1].children[0].staff, Staff::default());
        // The subtree with no match is still the one the first tree holds.
        assert!(std::ptr::eq(
            &before.children[2].children[0],
            &after.children[2].children[0]
        ));
        // The first error stops the walk.
        let mut n = 0;
        let r = after.try_each_below(&is_station, &mut |_| {
            n += 1;
            Err("stop")
        });
        assert_eq!((r, n), (Err("stop"), 1));
    }

    #[test]
    fn apportion_conserves_and_respects_weights() {
        let w = [13u64, 7, 0, 20, 1];
        for total in 0..=41 {
            let p = apportion(total, &w);
            assert_eq!(p.iter().sum::<u64>(), total);
            for (pi, wi) in p.iter().zip(&w) {
                assert!(pi <= wi);
            }
        }
        assert_eq!(apportion(5, &[0, 0]), vec![0, 0]);
        assert!(apportion(5, &[]).is_empty());
    }

    #[test]
    fn split_evenly_conserves_and_balances() {
        for total in [0u64, 1, 7, 70, 2500, 99_999] {
            for parts in 1..25 {
                let s = split_evenly(total, parts);
                assert_eq!(s.len(), parts);
                assert_eq!(s.iter().sum::<u64>(), total);
                let (mn, mx) = (s.iter().min().unwrap(), s.iter().max().unwrap());
                assert!(mx - mn <= 1);
            }
        }
        assert!(split_evenly(5, 0).is_empty());
    }
}
