use reform_explorer::model::cases::CaseId;
fn main() {
    let v = &CaseId::Daqing.variants()[0];
    let p = v.defaults();
    for _ in 0..3000 {
        std::hint::black_box(v.build(&p).unwrap());
    }
}
