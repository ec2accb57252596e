pub fn run(_root: &std::path::Path) -> Result<(), String> {
    Err("todo".into())
}
