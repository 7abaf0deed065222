fn main() {
    println!("cellvm");
}
