//! Where nearer keeps its files: `$NEARER_HOME`, else the platform's data folder.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The home folder and the paths inside it.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// Finds the home: `$NEARER_HOME` if set, else the platform data folder.
    pub fn locate() -> Result<Self> {
        if let Some(dir) = std::env::var_os("NEARER_HOME").filter(|d| !d.is_empty()) {
            return Ok(Home {
                root: PathBuf::from(dir),
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "nearer").context(
            "could not find a home folder for nearer's data; set NEARER_HOME to a folder of your choice",
        )?;
        Ok(Home {
            root: dirs.data_dir().to_path_buf(),
        })
    }

    /// A home at `root`, for tests that must not touch the process environment.
    #[cfg(test)]
    pub fn at(root: &Path) -> Self {
        Home {
            root: root.to_path_buf(),
        }
    }

    /// The home folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where installed packs live: `packs/<id>/<version>/`.
    pub fn packs(&self) -> PathBuf {
        self.root.join("packs")
    }

    /// Creates the home (readable by the user alone) and the packs folder if missing.
    pub fn ensure(&self) -> Result<()> {
        create_private_dir(&self.root)?;
        fs::create_dir_all(self.packs())
            .with_context(|| format!("could not create {}", self.packs().display()))?;
        Ok(())
    }
}

/// Creates `dir` and its parents; the folder itself gets mode 0700 on Unix.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).with_context(|| {
        format!(
            "could not create nearer's home at {}; check the path, or set NEARER_HOME",
            dir.display()
        )
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .with_context(|| format!("could not make {} private", dir.display()))?;
    }
    Ok(())
}
